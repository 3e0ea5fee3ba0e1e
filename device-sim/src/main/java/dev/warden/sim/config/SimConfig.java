package dev.warden.sim.config;

import java.util.List;

/**
 * The simulator's validated configuration (see {@link SimConfigLoader} for the file format).
 *
 * @param brokerUri the MQTT broker every simulated device connects to
 * @param seed seeds the walker's random choices: the same seed gives the same sequence of (card, reader)
 * @param ratePerSecond mean reads per second of the walker; 0 switches the walker off
 */
public record SimConfig(
        String brokerUri,
        long seed,
        double ratePerSecond,
        List<DeviceSpec> devices,
        List<StandaloneReaderSpec> standaloneReaders,
        List<CardSpec> cards) {
    public SimConfig {
        devices = List.copyOf(devices);
        standaloneReaders = List.copyOf(standaloneReaders);
        cards = List.copyOf(cards);
    }
}
