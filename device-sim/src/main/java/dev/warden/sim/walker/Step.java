package dev.warden.sim.walker;

import dev.warden.sim.config.CardSpec;

/**
 * One planned read: wait {@code gapMillis} after the previous one, then present {@code card} at {@code readerId}
 * in the way {@code kind} says, after typing {@code pin} on the reader's keypad when it is not {@code null}.
 * {@link #toString()} never shows the PIN.
 */
public record Step(long gapMillis, String readerId, CardSpec card, ReadKind kind, String pin) {

    /** A read without a PIN. */
    public Step(long gapMillis, String readerId, CardSpec card, ReadKind kind) {
        this(gapMillis, readerId, card, kind, null);
    }

    @Override
    public String toString() {
        return "Step[gapMillis=" + gapMillis + ", readerId=" + readerId + ", card=" + card.label() + ", kind=" + kind
                + (pin == null ? "" : ", pin=***") + "]";
    }
}
