package dev.warden.controller.alarm;

import java.time.Instant;

/**
 * A card read the controller decided, as the alarm detectors see it.
 *
 * @param at           when the read was decided
 * @param doorId       the door read (null when the reader is unknown)
 * @param readerId     the reader
 * @param personId     the card holder, when the credential is known
 * @param credentialId the credential, when known
 * @param granted      whether access was granted
 * @param reason       the decision's reason code (e.g. {@code GRANTED}, {@code NO_ACCESS_LEVEL})
 * @param unlockMs     for a grant: how long the door is unlocked (its door-open window), else 0
 * @param admits       for a grant: how many people it lets through (1, plus every held visitor or two-person
 *                     partner it released at the same time); at a gate each one covers a passage. At least 1.
 */
public record DecidedRead(Instant at, String doorId, String readerId, String personId, String credentialId,
                          boolean granted, String reason, long unlockMs, int admits) {
    public DecidedRead {
        if (admits < 1) {
            throw new IllegalArgumentException("admits must be >= 1");
        }
    }

    /** A read that admits one person (or none, when denied). */
    public DecidedRead(Instant at, String doorId, String readerId, String personId, String credentialId,
                       boolean granted, String reason, long unlockMs) {
        this(at, doorId, readerId, personId, credentialId, granted, reason, unlockMs, 1);
    }
}
