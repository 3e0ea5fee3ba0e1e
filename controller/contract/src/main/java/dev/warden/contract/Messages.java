package dev.warden.contract;

/** Field checks shared by the payload records. */
final class Messages {
    private Messages() {}

    static void requireRequestId(String requestId) {
        if (requestId == null || requestId.isBlank() || requestId.length() > 64) {
            throw new IllegalArgumentException("requestId is required (1..64 characters)");
        }
    }

    static void checkPin(String pin) {
        if (pin != null && !pin.matches("[0-9]{4,12}")) {
            throw new IllegalArgumentException("pin must be 4..12 digits");
        }
    }

    static void requireId(String field, String id) {
        if (!Topics.isValidId(id)) {
            throw new IllegalArgumentException(field + " must match [A-Za-z0-9._-]{1,64}");
        }
    }
}
