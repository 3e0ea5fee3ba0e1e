package dev.warden.contract;

import java.time.Instant;

/**
 * Agent → controller: someone presented a credential at a door the agent serves. Sent with an MQTT 5 response
 * topic ({@link Topics#agentAccessResponse}) and correlation data; the controller answers with a
 * {@link DecisionMessage}. Exactly one of {@code card} or {@code wiegand} is given, as in {@link ReaderRead}.
 *
 * @param fingerprint the finger matched after the card at a card + fingerprint door, or null (absent in JSON).
 *     A door that requires a fingerprint is denied {@code SECOND_FACTOR_REQUIRED} without it, and
 *     {@code SECOND_FACTOR_MISMATCH} when the finger is unknown, not active, or another person's than the card's.
 */
public record AccessRequest(
        String requestId,
        String doorId,
        String readerId,
        Direction direction,
        Instant timestamp,
        CardData card,
        String wiegand,
        String pin,
        FingerprintMatch fingerprint) {
    public AccessRequest {
        Messages.requireRequestId(requestId);
        Messages.requireId("doorId", doorId);
        Messages.requireId("readerId", readerId);
        if (direction == null || timestamp == null) {
            throw new IllegalArgumentException("direction and timestamp are required");
        }
        if ((card == null) == (wiegand == null)) {
            throw new IllegalArgumentException("exactly one of card or wiegand is required");
        }
        if (wiegand != null && (wiegand.isEmpty() || wiegand.length() > ReaderRead.MAX_WIEGAND_BITS || !wiegand.matches("[01]+"))) {
            throw new IllegalArgumentException("wiegand must be 1.." + ReaderRead.MAX_WIEGAND_BITS + " characters of 0 and 1");
        }
        Messages.checkPin(pin);
    }

    /** A request without a fingerprint (card, or card + PIN). */
    public AccessRequest(String requestId, String doorId, String readerId, Direction direction, Instant timestamp,
            CardData card, String wiegand, String pin) {
        this(requestId, doorId, readerId, direction, timestamp, card, wiegand, pin, null);
    }
}
