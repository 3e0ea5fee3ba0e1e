package dev.warden.agent.device;

import java.time.Duration;

/**
 * Port: a lock or gate relay that a driver controls (an OSDP reader's output, a Modbus gate's permit coil). Best
 * effort: implementations queue the command for the device's bus and return at once; they never throw.
 */
public interface RelayOutputs {

    /** Energise the relay {@code relayId} (lock released, gate permits one passage) for {@code duration}. */
    void pulse(String relayId, Duration duration);

    /** De-energise the relay at once (lock). */
    void release(String relayId);
}
