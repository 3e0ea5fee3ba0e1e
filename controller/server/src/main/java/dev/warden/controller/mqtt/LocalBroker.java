package dev.warden.controller.mqtt;

/**
 * A broker running inside this controller that the controller's own MQTT client connects to, with an internal
 * account of full access whose secret exists only in memory for this run.
 */
public interface LocalBroker {

    /** e.g. {@code tcp://127.0.0.1:1883}. */
    String serverUri();

    String internalUsername();

    /** A copy of the per-start secret; never log it. */
    byte[] internalSecret();
}
