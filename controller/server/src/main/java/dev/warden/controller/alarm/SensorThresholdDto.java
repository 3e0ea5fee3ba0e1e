package dev.warden.controller.alarm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A sensor's own band for one quantity; in a PUT body only {@code low}, {@code high}, {@code hysteresis} count. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SensorThresholdDto(@Nullable String deviceId, @Nullable String quantity, @Nullable Double low,
                                 @Nullable Double high, @Nullable Double hysteresis) {
    static SensorThresholdDto of(SensorThresholdRow r) {
        return new SensorThresholdDto(r.deviceId(), r.quantity(), r.low(), r.high(), r.hysteresis());
    }
}
