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
 * @param pairReaders readers where the walker presents two different cards back to back (two-person doors)
 * @param escorts visitors the walker brings in right behind their escort, at the escort's readers
 */
public record SimConfig(
        String brokerUri,
        long seed,
        double ratePerSecond,
        List<DeviceSpec> devices,
        List<StandaloneReaderSpec> standaloneReaders,
        List<CardSpec> cards,
        Path dataDir,
        List<SerialBusSpec> serialBuses,
        List<String> pairReaders,
        List<EscortSpec> escorts) {
    public SimConfig {
        devices = List.copyOf(devices);
        standaloneReaders = List.copyOf(standaloneReaders);
        cards = List.copyOf(cards);
        serialBuses = List.copyOf(serialBuses);
        pairReaders = List.copyOf(pairReaders);
        escorts = List.copyOf(escorts);
    }

    /** A simulator without pair readers or escorts. */
    public SimConfig(
            String brokerUri, long seed, double ratePerSecond, List<DeviceSpec> devices, List<StandaloneReaderSpec> standaloneReaders,
            List<CardSpec> cards, Path dataDir, List<SerialBusSpec> serialBuses) {
        this(brokerUri, seed, ratePerSecond, devices, standaloneReaders, cards, dataDir, serialBuses, List.of(), List.of());
    }

    /** A simulator with MQTT devices only. */
    public SimConfig(
            String brokerUri, long seed, double ratePerSecond, List<DeviceSpec> devices, List<StandaloneReaderSpec> standaloneReaders, List<CardSpec> cards) {
        this(brokerUri, seed, ratePerSecond, devices, standaloneReaders, cards, Path.of("data", "sim"), List.of());
    }

    /** The same configuration with another walker rate (0 switches the walker off). */
    public SimConfig withRate(double rate) {
        return new SimConfig(brokerUri, seed, rate, devices, standaloneReaders, cards, dataDir, serialBuses, pairReaders, escorts);
    }

    /** The same configuration without serial buses. */
    public SimConfig withoutSerialBuses() {
        return new SimConfig(brokerUri, seed, ratePerSecond, devices, standaloneReaders, cards, dataDir, List.of(), pairReaders, escorts);
    }
}
