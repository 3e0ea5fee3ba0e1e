package dev.warden.controller.mqtt;

import dev.warden.controller.event.IngestResult;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How {@link MqttIngress} stores one agent event: a failure that can never succeed (bad data: SQLSTATE class 22, or
 * an integrity violation of class 23 other than a duplicate key 23505) ends at once as {@link Result.Poison}; any
 * other failure is retried with a doubling delay, capped at {@code maxDelay}, while the delays slept stay within
 * {@code budget}, then ends as {@link Result.GaveUp}. Pure logic: the sleeping is a port, so tests run in no time.
 */
final class EventStorage {

    /** Sleeps between attempts. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** The outcome of storing one event. */
    sealed interface Result {
        /** Stored or recognised as a duplicate. */
        record Done(IngestResult result, int attempts) implements Result {}

        /** Can never be stored; {@code sqlState} names why. */
        record Poison(String sqlState, RuntimeException error) implements Result {}

        /** Still failing when the retry budget ran out (or the thread was interrupted). */
        record GaveUp(int attempts, RuntimeException lastError) implements Result {}
    }

    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Duration budget;
    private final Sleeper sleeper;

    EventStorage(Duration firstDelay, Duration maxDelay, Duration budget, Sleeper sleeper) {
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0
                || budget.isNegative()) {
            throw new IllegalArgumentException("need 0 < firstDelay <= maxDelay and budget >= 0");
        }
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.budget = budget;
        this.sleeper = sleeper;
    }

    Result store(Supplier<IngestResult> attempt) {
        Duration slept = Duration.ZERO;
        Duration delay = firstDelay;
        for (int attempts = 1; ; attempts++) {
            try {
                return new Result.Done(attempt.get(), attempts);
            } catch (RuntimeException e) {
                Optional<String> permanent = permanentSqlState(e);
                if (permanent.isPresent()) {
                    return new Result.Poison(permanent.get(), e);
                }
                if (slept.plus(delay).compareTo(budget) > 0) {
                    return new Result.GaveUp(attempts, e);
                }
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return new Result.GaveUp(attempts, e);
                }
                slept = slept.plus(delay);
                Duration doubled = delay.multipliedBy(2);
                delay = doubled.compareTo(maxDelay) > 0 ? maxDelay : doubled;
            }
        }
    }

    /**
     * The SQLSTATE of the first {@link SQLException} in the cause chain when it marks an error retrying cannot fix:
     * class 22 (data exception: value too long, bad number, …) or class 23 (integrity constraint) except 23505
     * (unique violation, i.e. a duplicate racing in: retrying finds it and answers DUPLICATE).
     */
    static Optional<String> permanentSqlState(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                boolean permanent = state.startsWith("22") || (state.startsWith("23") && !state.equals("23505"));
                return permanent ? Optional.of(state) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
