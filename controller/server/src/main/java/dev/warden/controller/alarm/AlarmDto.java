package dev.warden.controller.alarm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * An alarm as the REST API and the live stream show it.
 *
 * @param place  the place key the alarm is de-duplicated on, e.g. {@code door:d-1}, {@code sensor:env-1/temperature}
 * @param count  how often its condition happened while it was open (1 = once)
 * @param level  {@code HIGH} / {@code LOW} for temperature and humidity alarms, else null
 * @param state  {@code ACTIVE}, {@code ACKNOWLEDGED}, {@code RETURNED_TO_NORMAL} (its condition ended before anyone
 *               acknowledged it: still open until acknowledged) or {@code CLEARED}
 * @param clearedBy null while open, and for an alarm the controller cleared itself
 * @param returnedAt when its condition ended while it was unacknowledged, else null
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AlarmDto(
        long id,
        String type,
        int priority,
        String state,
        String place,
        String doorId,
        String areaId,
        String deviceId,
        String agentId,
        String personId,
        String credentialId,
        int count,
        String level,
        String detail,
        Instant raisedAt,
        Instant lastAt,
        String acknowledgedBy,
        Instant acknowledgedAt,
        String acknowledgedComment,
        String clearedBy,
        Instant clearedAt,
        String clearedComment,
        Instant returnedAt) {

    static AlarmDto of(AlarmRow r) {
        return new AlarmDto(r.id(), r.type(), r.priority(), r.state(), r.placeKey(), r.doorId(), r.areaId(),
                r.deviceId(), r.agentId(), r.personId(), r.credentialId(), r.repeatCount(), r.level(), r.detail(),
                r.raisedAt(), r.lastAt(), r.acknowledgedBy(), r.acknowledgedAt(), r.acknowledgedComment(),
                r.clearedBy(), r.clearedAt(), r.clearedComment(), r.returnedAt());
    }
}
