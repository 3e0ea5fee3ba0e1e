package dev.warden.sim.config;

/** The MQTT-native devices behind an edge agent that the simulator plays. */
public enum DeviceKind {
    READER,
    LOCK,
    CONTACT
}
