package dev.warden.controller.alarm;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** Row of table {@code sensor_threshold}: the band of one sensor's quantity, overriding the configured default. */
@MappedEntity(value = "sensor_threshold", escape = false)
record SensorThresholdRow(
        @Id @GeneratedValue @Nullable Long id,
        String deviceId,
        String quantity,
        double low,
        double high,
        double hysteresis) {}
