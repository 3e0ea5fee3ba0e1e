package dev.warden.agent.mqtt;

import dev.warden.agent.health.Counters;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands inbound messages from Paho's thread to the agent's worker with at most {@code maxPending} of them waiting
 * (queued or being handled). Above that a message is dropped and counted under {@value #DROPPED}, so a faulty or
 * hostile device publishing faster than the agent can work cannot grow the agent's memory without bound. Paho's
 * thread never blocks here. Dropping is logged once when it starts and once when it stops, not per message.
 */
final class BoundedInbound {

    static final String DROPPED = "mqtt.inbound-dropped";

    private static final Logger LOG = LoggerFactory.getLogger(BoundedInbound.class);

    private final Executor worker;
    private final Consumer<PahoConnection.Inbound> target;
    private final int maxPending;
    private final Counters counters;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger droppedInARow = new AtomicInteger();

    BoundedInbound(Executor worker, Consumer<PahoConnection.Inbound> target, int maxPending, Counters counters) {
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be at least 1, was " + maxPending);
        }
        this.worker = worker;
        this.target = target;
        this.maxPending = maxPending;
        this.counters = counters;
    }

    /** Queues {@code message} for the worker; {@code false} if it was dropped (queue full, or worker stopped). */
    boolean offer(PahoConnection.Inbound message) {
        if (pending.incrementAndGet() > maxPending) {
            pending.decrementAndGet();
            drop(message, "more than " + maxPending + " messages are waiting");
            return false;
        }
        try {
            worker.execute(() -> {
                try {
                    target.accept(message);
                } finally {
                    pending.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            drop(message, "the agent's worker has stopped");
            return false;
        }
        int dropped = droppedInARow.getAndSet(0);
        if (dropped > 0) {
            LOG.info("inbound messages accepted again after {} were dropped", dropped);
        }
        return true;
    }

    /** Messages queued or being handled right now. */
    int pending() {
        return pending.get();
    }

    private void drop(PahoConnection.Inbound message, String why) {
        counters.increment(DROPPED);
        if (droppedInARow.getAndIncrement() == 0) {
            LOG.warn("dropping inbound messages ({}); first dropped on {}; counted under {}", why, message.topic(), DROPPED);
        }
    }
}
