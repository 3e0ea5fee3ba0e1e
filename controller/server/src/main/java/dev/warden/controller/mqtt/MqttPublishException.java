package dev.warden.controller.mqtt;

import io.micronaut.core.annotation.Nullable;

/**
 * A message could not be handed to the MQTT broker: MQTT is disabled, the broker is not connected, or too many
 * messages are in flight. The caller decides whether to retry or report (e.g. HTTP 503 for a remote unlock).
 */
public class MqttPublishException extends RuntimeException {
    public MqttPublishException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
