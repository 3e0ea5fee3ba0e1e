package dev.warden.contract;

import java.time.Instant;

/**
 * A card presented at a reader. Exactly one of {@code card} (decoded) or {@code wiegand} (the raw bits as a
 * string of {@code 0}/{@code 1}, first bit sent first) is given. {@code pin} is optional (card + PIN doors).
 */
public record ReaderRead(String requestId, Instant timestamp, CardData card, String wiegand, String pin) {
    public static final int MAX_WIEGAND_BITS = 128;

    public ReaderRead {
        Messages.requireRequestId(requestId);
        if (timestamp == null) {
            throw new IllegalArgumentException("timestamp is required (ISO-8601 instant)");
        }
        if ((card == null) == (wiegand == null)) {
            throw new IllegalArgumentException("exactly one of card or wiegand is required");
        }
        if (wiegand != null && (wiegand.isEmpty() || wiegand.length() > MAX_WIEGAND_BITS || !wiegand.matches("[01]+"))) {
            throw new IllegalArgumentException("wiegand must be 1.." + MAX_WIEGAND_BITS + " characters of 0 and 1");
        }
        Messages.checkPin(pin);
    }

    public static ReaderRead ofCard(String requestId, Instant timestamp, CardData card) {
        return new ReaderRead(requestId, timestamp, card, null, null);
    }
}
