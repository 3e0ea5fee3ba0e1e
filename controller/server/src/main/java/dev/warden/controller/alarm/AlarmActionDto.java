package dev.warden.controller.alarm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One entry of an alarm's history.
 *
 * @param action   RAISED, REPEATED, ACKNOWLEDGED, ESCALATED, CLEARED or AUTO_CLEARED
 * @param operator the operator's username; null for what the controller did itself
 * @param priority the alarm's priority after the action
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AlarmActionDto(String action, Instant at, String operator, String comment, int priority) {
    static AlarmActionDto of(AlarmActionRow r) {
        return new AlarmActionDto(r.action(), r.actedAt(), r.operatorName(), r.comment(), r.priority());
    }
}
