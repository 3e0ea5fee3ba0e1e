package dev.warden.sim.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The simulator's validated configuration (see {@link SimConfigLoader} for the file format).
 *
 * @param brokerUri the MQTT broker every simulated device connects to
 * @param seed seeds the walker's random choices: the same seed gives the same sequence of (card, reader)
 * @param ratePerSecond mean reads per second of the walker; 0 switches the walker off
 * @param dataDir where simulated devices keep what a real device keeps in flash (OSDP reader keys)
 * @param serialBuses simulated serial lines (pseudo-terminals or TCP serial servers) and their devices
 */
public record SimConfig(
        String brokerUri,
        long seed,
        double ratePerSecond,
        List<DeviceSpec> devices,
        List<StandaloneReaderSpec> standaloneReaders,
        List<CardSpec> cards,
        Path dataDir,
        List<SerialBusSpec> serialBuses) {
    public SimConfig {
        devices = List.copyOf(devices);
        standaloneReaders = List.copyOf(standaloneReaders);
        cards = List.copyOf(cards);
        serialBuses = List.copyOf(serialBuses);
    }

    /** A simulator with MQTT devices only. */
    public SimConfig(
            String brokerUri, long seed, double ratePerSecond, List<DeviceSpec> devices, List<StandaloneReaderSpec> standaloneReaders, List<CardSpec> cards) {
        this(brokerUri, seed, ratePerSecond, devices, standaloneReaders, cards, Path.of("data", "sim"), List.of());
    }
}
