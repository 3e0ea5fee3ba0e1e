package dev.warden.controller.door;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A door in responses, and (without the read-only live fields) in requests.
 *
 * @param secondFactor what the door requires besides the card: NONE (default on create), PIN (card, then the holder's
 *                    PIN on the reader's keypad) or FINGERPRINT (card, then a finger on the door's fingerprint module,
 *                    both of the same person). Omitted on update: unchanged
 * @param freeAccessScheduleId a schedule of the door's site during which the door stands unlocked for everyone
 *                    (not for doors into restricted areas). Omitted/null on update: unchanged; "" removes it
 * @param threatMarked whether the site's threat level raises the clearance this door needs (default false;
 *                    omitted on update: unchanged)
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
        String freeAccessScheduleId,
        Boolean threatMarked,
        String state,
        Boolean agentOnline,
        Instant lastChange) {}
