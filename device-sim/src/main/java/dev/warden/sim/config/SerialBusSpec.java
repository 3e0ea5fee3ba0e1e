package dev.warden.sim.config;

import java.nio.file.Path;
import java.util.List;

/**
 * One simulated serial line and the devices on it. The line is either a pseudo-terminal pair whose host side is
 * linked at {@code pty} (what the agent's {@code port} names), or a TCP serial device server on {@code tcpPort}.
 */
public record SerialBusSpec(String id, Protocol protocol, Path pty, int tcpPort, List<SerialDeviceSpec> devices) {

    public SerialBusSpec {
        devices = List.copyOf(devices);
    }

    public enum Protocol {
        OSDP,
        FINGERPRINT,
        MODBUS
    }
}
