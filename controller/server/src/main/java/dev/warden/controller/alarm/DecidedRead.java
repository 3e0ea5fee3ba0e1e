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
 */
public record DecidedRead(Instant at, String doorId, String readerId, String personId, String credentialId,
                          boolean granted, String reason, long unlockMs) {}
