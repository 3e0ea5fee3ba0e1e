package dev.warden.agent.config;

import java.util.List;

/**
 * One serial line of the agent and the devices on it. Exactly one carrier is set: a local serial device
 * ({@code port}) or a TCP serial device server ({@code tcpHost}:{@code tcpPort}).
 *
 * @param secureChannelRequired OSDP only: every reader on the bus must use Secure Channel
 */
public record SerialBusConfig(
        String id,
        Protocol protocol,
        String port,
        String tcpHost,
        int tcpPort,
        int baud,
        Parity parity,
        int stopBits,
        boolean rs485,
        boolean secureChannelRequired,
        List<SerialDeviceConfig> devices) {

    public SerialBusConfig {
        devices = List.copyOf(devices);
    }

    public enum Protocol {
        OSDP,
        FINGERPRINT,
        MODBUS
    }

    public enum Parity {
        NONE,
        EVEN,
        ODD
    }

    /** How the line is reached, for logs. */
    public String carrier() {
        return port != null ? port + "@" + baud : "tcp:" + tcpHost + ":" + tcpPort;
    }
}
