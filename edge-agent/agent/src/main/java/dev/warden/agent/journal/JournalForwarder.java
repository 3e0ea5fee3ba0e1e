package dev.warden.agent.journal;

import dev.warden.agent.event.DeliverEvent;
import dev.warden.agent.health.Counters;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the journal, in sequence order, through {@link DeliverEvent} on its own thread, with at most
 * {@link JournalSettings#window()} events unconfirmed, and moves the journal's acknowledged position only over events
 * the broker confirmed, in journal order (a confirmation of a later event while an earlier one is still open waits).
 *
 * <p>It starts again from the first unconfirmed event (the events behind it follow, in order) when: the link comes
 * back up ({@link DeliverEvent#onReady}); a delivery fails; or the oldest unconfirmed event has waited longer than
 * {@link JournalSettings#ackTimeout()} while the link is up. Events sent again may reach the broker twice; the
 * controller stores each {@code (agentId, seq)} once. A confirmation from before such a restart still counts: an event
 * confirmed is not sent again. After a failed delivery it waits (1 s, doubling to 30 s) before sending again, so a
 * broker that refuses events is not hammered; the event is never skipped.
 *
 * <p>Counted: {@code journal.sent}, {@code journal.acked}, {@code journal.send-failed}, {@code journal.ack-timeout},
 * {@code journal.resend} (restarts from an earlier position).
 */
public final class JournalForwarder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JournalForwarder.class);
    private static final long IDLE_WAIT_MILLIS = 100;
    private static final long MIN_BACKOFF_MILLIS = 1_000;
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    private record InFlight(long seq, EventJournal.Position at, long sentNanos) {}

    private final EventJournal journal;
    private final DeliverEvent port;
    private final Counters counters;
    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread thread;

    // guarded by lock
    private final Deque<InFlight> inFlight = new ArrayDeque<>();
    private final Set<Long> confirmed = new HashSet<>();
    private long generation;
    private boolean restart;
    private long backoffMillis;
    private long notBeforeNanos;
    private volatile boolean closed;

    public JournalForwarder(EventJournal journal, DeliverEvent port, Counters counters, String name) {
        this.journal = journal;
        this.port = port;
        this.counters = counters;
        this.name = name;
        this.thread = new Thread(this::run, "journal-forwarder-" + name);
        thread.setDaemon(true);
        journal.onAppend(this::wake);
        port.onReady(this::linkUp);
    }

    /** Starts the forwarding thread. */
    public void start() {
        thread.start();
    }

    private void wake() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void linkUp() {
        lock.lock();
        try {
            restart = true;
            backoffMillis = 0;
            notBeforeNanos = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        long acked = journal.acknowledged();
        JournalReader reader = journal.reader(acked);
        LOG.info("journal forwarder {} started after acknowledged event #{}", name, acked);
        long lastPersist = System.nanoTime();
        long persistEvery = journal.settings().ackPersistInterval().toNanos();
        try {
            while (!closed) {
                if (System.nanoTime() - lastPersist >= persistEvery) {
                    journal.persistAcknowledged();
                    lastPersist = System.nanoTime();
                }
                long gen;
                lock.lock();
                try {
                    if (restart) {
                        rewind(reader);
                    }
                    if (!port.ready() || System.nanoTime() < notBeforeNanos || inFlight.size() >= journal.settings().window()) {
                        checkTimeout();
                        changed.await(IDLE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                        continue;
                    }
                    gen = generation;
                } finally {
                    lock.unlock();
                }
                JournalReader.Entry entry = reader.next();
                if (entry == null) {
                    lock.lock();
                    try {
                        checkTimeout();
                        if (!restart) {
                            changed.await(IDLE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                        }
                    } finally {
                        lock.unlock();
                    }
                    continue;
                }
                lock.lock();
                try {
                    if (gen != generation || restart) {
                        // a restart came in while reading: put the entry back, the rewind decides where to go on
                        reader.seek(entry.at(), entry.seq() - 1);
                        continue;
                    }
                    if (entry.seq() <= journal.acknowledged() || confirmed.contains(entry.seq())) {
                        // already confirmed (a confirmation from before a restart): not sent again
                        inFlight.addLast(new InFlight(entry.seq(), entry.at(), System.nanoTime()));
                        advance();
                        continue;
                    }
                    inFlight.addLast(new InFlight(entry.seq(), entry.at(), System.nanoTime()));
                } finally {
                    lock.unlock();
                }
                long seq = entry.seq();
                counters.increment("journal.sent");
                try {
                    port.deliver(entry.event()).whenComplete((ok, e) -> completed(gen, seq, e));
                } catch (RuntimeException e) {
                    completed(gen, seq, e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            reader.close();
            journal.persistAcknowledged();
            LOG.info("journal forwarder {} stopped; acknowledged up to #{}", name, journal.acknowledged());
        }
    }

    /** Holds lock: start again from the first unconfirmed event. */
    private void rewind(JournalReader reader) {
        restart = false;
        generation++;
        if (!inFlight.isEmpty()) {
            InFlight first = inFlight.peekFirst();
            counters.increment("journal.resend");
            LOG.info("journal forwarder {}: sending again from event #{} ({} unconfirmed)", name, first.seq(), inFlight.size());
            reader.seek(first.at(), journal.acknowledged());
            inFlight.clear();
        }
    }

    /** Holds lock. */
    private void checkTimeout() {
        InFlight oldest = inFlight.peekFirst();
        if (oldest != null && !restart && port.ready()
                && System.nanoTime() - oldest.sentNanos() > journal.settings().ackTimeout().toNanos()) {
            counters.increment("journal.ack-timeout");
            LOG.warn("journal forwarder {}: event #{} unconfirmed for more than {}; sending again", name, oldest.seq(), journal.settings().ackTimeout());
            restart = true;
        }
    }

    private void completed(long gen, long seq, Throwable error) {
        lock.lock();
        try {
            if (error == null) {
                counters.increment("journal.acked");
                if (seq > journal.acknowledged()) {
                    confirmed.add(seq);
                }
                backoffMillis = 0;
                advance();
            } else {
                counters.increment("journal.send-failed");
                if (gen == generation && !restart) {
                    backoffMillis = backoffMillis == 0 ? MIN_BACKOFF_MILLIS : Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS);
                    notBeforeNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMillis);
                    restart = true;
                    LOG.warn("journal forwarder {}: event #{} not delivered ({}); sending again from the first unconfirmed in {} ms",
                            name, seq, describe(error), backoffMillis);
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Holds lock: moves the acknowledged position over the confirmed events at the head of the window. */
    private void advance() {
        long acked = journal.acknowledged();
        while (!inFlight.isEmpty()) {
            long head = inFlight.peekFirst().seq();
            if (head <= acked || confirmed.remove(head)) {
                inFlight.removeFirst();
                acked = Math.max(acked, head);
            } else {
                break;
            }
        }
        journal.acknowledge(acked);
        long floor = acked;
        confirmed.removeIf(s -> s <= floor);
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** Stops the thread (waiting up to 5 s) and persists the acknowledged position. Idempotent. */
    @Override
    public void close() {
        closed = true;
        wake();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
