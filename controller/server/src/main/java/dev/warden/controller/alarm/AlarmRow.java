package dev.warden.controller.alarm;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;

/**
 * Row of table {@code alarm}. {@code openKey} is {@code TYPE|placeKey} while the alarm is open (active, acknowledged,
 * returned to normal) and null once it is cleared; it is unique, so at most one alarm per type and place is open.
 * {@code returnedAt} is when its condition ended while it was unacknowledged; {@code version} is checked and
 * incremented on every update (optimistic locking: a stale update fails with
 * {@link io.micronaut.data.exceptions.OptimisticLockException}).
 */
@MappedEntity(value = "alarm", escape = false)
record AlarmRow(
        @Id @GeneratedValue @Nullable Long id,
        String type,
        String placeKey,
        @Nullable String openKey,
        int priority,
        String state,
        int repeatCount,
        @Nullable String doorId,
        @Nullable String areaId,
        @Nullable String deviceId,
        @Nullable String agentId,
        @Nullable String personId,
        @Nullable String credentialId,
        @Nullable String level,
        @Nullable String detail,
        Instant raisedAt,
        Instant lastAt,
        @Nullable String acknowledgedBy,
        @Nullable Instant acknowledgedAt,
        @Nullable String acknowledgedComment,
        @Nullable String clearedBy,
        @Nullable Instant clearedAt,
        @Nullable String clearedComment,
        @Nullable Instant returnedAt,
        @Version long version) {

    static final int MAX_DETAIL = 500;
    static final int MAX_COMMENT = 1000;

    static String openKey(String type, String placeKey) {
        return type + "|" + placeKey;
    }

    static String clip(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max);
    }
}
