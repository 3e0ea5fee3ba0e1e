package dev.warden.sim.walker;

import dev.warden.sim.config.CardSpec;

/**
 * One planned read: wait {@code gapMillis} after the previous one, then present {@code card} at {@code readerId}
 * in the way {@code kind} says.
 */
public record Step(long gapMillis, String readerId, CardSpec card, ReadKind kind) {}
