package dev.warden.controller.decision;

/** Who asked: a standalone MQTT reader talking to the controller directly, or an edge agent. */
public enum Source {
    MQTT_READER,
    AGENT
}
