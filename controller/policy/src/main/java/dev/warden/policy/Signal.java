package dev.warden.policy;

import java.time.Instant;

/**
 * Something {@link AccessEngine} noticed that an alarm should be raised for (the alarm type has the signal type's
 * name). Only {@code type} and {@code at} are always set.
 *
 * @param type       what
 * @param at         when
 * @param door       the door, or null
 * @param area       the area, or null
 * @param person     the person concerned, or null
 * @param credential the credential presented, or null
 * @param detail     short text for operators (never a PIN), never null
 */
public record Signal(SignalType type, Instant at, DoorId door, AreaId area, PersonId person, CredentialId credential,
                     String detail) {

    public Signal {
        Checks.nonNull(type, "Signal.type");
        Checks.nonNull(at, "Signal.at");
        detail = detail == null ? "" : detail;
    }
}
