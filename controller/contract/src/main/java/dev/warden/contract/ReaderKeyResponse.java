package dev.warden.contract;

import java.util.regex.Pattern;

/**
 * Controller → agent: the answer to a {@link ReaderKeyRequest}. Either {@code scbk} (the reader's 16-byte Secure
 * Channel base key as 32 hexadecimal characters) or {@code reason} (why not) is given, never both.
 *
 * <p>The key is a secret: {@link #toString()} never shows it, and nobody may log it.
 *
 * @param requestId the request's id; null only when a rejected request had none readable
 * @param readerId  the reader; null only when a rejected request had none readable
 * @param scbk      32 hex characters, or null when refused
 * @param reason    null when the key is given, else a code: {@value #NOT_YOUR_READER}, {@value #INTERNAL_ERROR}, or
 *                  a parser code ({@code MALFORMED_JSON}, {@code INVALID_PAYLOAD}, {@code PAYLOAD_TOO_LARGE})
 */
public record ReaderKeyResponse(String requestId, String readerId, String scbk, String reason) {
    /** The reader is unknown, or its door is not served by the asking agent. */
    public static final String NOT_YOUR_READER = "NOT_YOUR_READER";
    /** The controller could not look up or store the key; retry later. */
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    private static final Pattern HEX_KEY = Pattern.compile("[0-9A-Fa-f]{32}");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,64}");

    public ReaderKeyResponse {
        if ((scbk == null) == (reason == null)) {
            throw new IllegalArgumentException("exactly one of scbk or reason is required");
        }
        if (scbk != null) {
            if (!HEX_KEY.matcher(scbk).matches()) {
                throw new IllegalArgumentException("scbk must be 32 hexadecimal characters");
            }
            Messages.requireRequestId(requestId);
            Messages.requireId("readerId", readerId);
        } else {
            if (!CODE.matcher(reason).matches()) {
                throw new IllegalArgumentException("reason must be a code of [A-Z0-9_]{1,64}");
            }
            if (requestId != null) {
                Messages.requireRequestId(requestId);
            }
            if (readerId != null) {
                Messages.requireId("readerId", readerId);
            }
        }
    }

    /** The key of {@code readerId}, 16 bytes as 32 hex characters. */
    public static ReaderKeyResponse issued(String requestId, String readerId, String scbkHex) {
        return new ReaderKeyResponse(requestId, readerId, scbkHex, null);
    }

    /** No key, for {@code reason}. */
    public static ReaderKeyResponse refused(String requestId, String readerId, String reason) {
        return new ReaderKeyResponse(requestId, readerId, null, reason);
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "ReaderKeyResponse[requestId=" + requestId + ", readerId=" + readerId + ", scbk="
                + (scbk == null ? "null" : "<redacted>") + ", reason=" + reason + "]";
    }
}
