package dev.warden.controller.alarm;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Row of table {@code alarm_action}: one entry of an alarm's history; {@code operatorName} null = the controller. */
@MappedEntity(value = "alarm_action", escape = false)
record AlarmActionRow(
        @Id @GeneratedValue @Nullable Long id,
        long alarmId,
        String action,
        Instant actedAt,
        @Nullable String operatorName,
        @Nullable String comment,
        int priority) {}
