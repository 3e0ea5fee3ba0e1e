package dev.warden.sim.device;

/** Port: one simulated device's own connection to the broker (its own account). */
public interface DeviceChannel extends AutoCloseable {

    /** Sends a message (QoS 1); best effort: a message that cannot be sent is logged by the implementation. */
    void publish(String topic, byte[] payload, boolean retained);

    boolean isConnected();

    @Override
    void close();
}
