package dev.warden.controller.door;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A door in responses, and (without the read-only live fields) in requests.
 *
 * @param secondFactor what the door requires besides the card: NONE (default on create) or FINGERPRINT (card, then a
 *                    finger on the door's fingerprint module, both of the same person). Omitted on update: unchanged
 * @param state       read-only: LOCKED, UNLOCKED, OPEN, CLOSED or UNKNOWN
 * @param agentOnline read-only: whether the serving agent last reported ONLINE (false for standalone readers)
 * @param lastChange  read-only: when {@code state} last changed, null before any report
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DoorDto(
        String id,
        String name,
        String areaId,
        String kind,
        String readerInId,
        String readerOutId,
        String lockDeviceId,
        String contactDeviceId,
        String agentId,
        Long unlockMs,
        String secondFactor,
        String state,
        Boolean agentOnline,
        Instant lastChange) {}
