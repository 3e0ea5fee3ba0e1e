package dev.warden.controller.decision;

import dev.warden.contract.CardData;
import dev.warden.contract.FingerprintMatch;
import java.time.Instant;
import java.util.Objects;

/**
 * A card presented at a reader, as the MQTT adapters hand it to {@link ReaderDecisions}.
 *
 * @param requestId      the request's id (stored with the event)
 * @param readerId       the reader that read the card
 * @param expectedDoorId the door the agent believes the reader serves; null for standalone readers
 * @param card           the decoded card
 * @param pin            a PIN typed with the card, or null. A secret: never stored, logged or shown
 *                       ({@link #toString()} masks it)
 * @param at             when the card was read: the instant the decision is made for
 * @param source         who asked
 * @param agentId        the asking agent, or null for a standalone reader
 * @param fingerprint    the finger matched after the card (card + fingerprint doors), or null
 */
public record ReaderAttempt(
        String requestId,
        String readerId,
        String expectedDoorId,
        CardData card,
        String pin,
        Instant at,
        Source source,
        String agentId,
        FingerprintMatch fingerprint) {
    public ReaderAttempt {
        Objects.requireNonNull(readerId, "readerId");
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
    }

    /** A card alone (or card + PIN). */
    public ReaderAttempt(String requestId, String readerId, String expectedDoorId, CardData card, String pin,
            Instant at, Source source, String agentId) {
        this(requestId, readerId, expectedDoorId, card, pin, at, source, agentId, null);
    }

    /** Like the record's own, but never shows the PIN (only whether one was typed). */
    @Override
    public String toString() {
        return "ReaderAttempt[requestId=" + requestId + ", readerId=" + readerId + ", expectedDoorId=" + expectedDoorId
                + ", card=" + card + ", pin=" + (pin == null ? "none" : "***") + ", at=" + at + ", source=" + source
                + ", agentId=" + agentId + ", fingerprint=" + fingerprint + "]";
    }
}
