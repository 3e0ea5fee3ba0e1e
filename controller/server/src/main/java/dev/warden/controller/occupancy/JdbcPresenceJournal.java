package dev.warden.controller.occupancy;

import dev.warden.policy.AreaId;
import dev.warden.policy.DoorId;
import dev.warden.policy.PersonId;
import dev.warden.policy.Presence;
import dev.warden.policy.PresenceChange;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores presence in table {@code presence}, off the decision path. {@link #record} and {@link #replace} only offer
 * to a bounded queue ({@code warden.occupancy.journal-capacity}, default 100,000 changes); one writer thread drains
 * it in batches of up to {@value #MAX_BATCH}, each batch in one transaction, in the order the engine made the changes:
 * an entry replaces the person's row, a departure or a forgotten person deletes it (an EXIT into a parent area is a
 * departure followed by an entry).
 *
 * <p>Nothing is silently lost for good: when the queue is full, or a batch cannot be written, the journal counts and
 * logs it and asks {@link Occupancy} for the engine's whole presence, which replaces the table in one transaction
 * (retried every second while the database fails). On shutdown the queue is drained and the table is replaced by the
 * engine's presence once more, so a clean stop keeps exactly what the engine knew.
 *
 * <p>Loss window: a kill -9 (or power loss) loses the changes still queued, normally the last few milliseconds; while
 * the database stalls, up to everything since it stalled. After such a restart the engine believes the last stored
 * presence (see docs/occupancy.md, "Persistence and its limits").
 */
@Singleton
class JdbcPresenceJournal implements PresenceJournal {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcPresenceJournal.class);
    static final int MAX_BATCH = 1000;
    private static final long RETRY_MS = 1000;

    /** What the writer applies, in order. */
    private sealed interface Op {
        record Apply(PresenceChange change) implements Op {}

        record Replace(List<Presence> all) implements Op {}
    }

    private final PresenceRepository repository;
    private final TransactionOperations<Connection> transactions;
    private final BlockingQueue<Op> queue;
    private final AtomicBoolean resyncNeeded = new AtomicBoolean();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failedBatches = new LongAdder();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong lastDropLog = new AtomicLong();
    private volatile Runnable resync = () -> { };
    private volatile boolean running = true;
    private Thread thread;

    JdbcPresenceJournal(PresenceRepository repository, TransactionOperations<Connection> transactions,
                               @Value("${warden.occupancy.journal-capacity:100000}") int capacity) {
        this.repository = repository;
        this.transactions = transactions;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, capacity));
    }

    @PostConstruct
    void start() {
        thread = Thread.ofPlatform().name("presence-journal").daemon(true).start(this::run);
    }

    @Override
    public List<Presence> load() {
        List<Presence> result = new ArrayList<>();
        for (PresenceRow row : transactions.executeRead(status -> repository.findAll())) {
            try {
                result.add(new Presence(new PersonId(row.personId()), new AreaId(row.areaId()), row.since(),
                        row.doorId() == null ? null : new DoorId(row.doorId()),
                        row.escortId() == null ? null : new PersonId(row.escortId())));
            } catch (RuntimeException e) {
                LOG.error("Stored presence of person {} is unusable ({}); skipped", row.personId(), e.getMessage());
            }
        }
        return result;
    }

    @Override
    public void attach(Runnable resync) {
        this.resync = resync;
    }

    @Override
    public void record(List<PresenceChange> changes) {
        for (PresenceChange change : changes) {
            if (!queue.offer(new Op.Apply(change))) {
                dropped.increment();
                resyncNeeded.set(true);
                long now = System.nanoTime();
                long last = lastDropLog.get();
                if (now - last > 1_000_000_000L && lastDropLog.compareAndSet(last, now)) {
                    LOG.error("PRESENCE QUEUE FULL: {} changes not queued since start; the whole presence will be "
                            + "written again once the database catches up", dropped.sum());
                }
            }
        }
    }

    @Override
    public void replace(List<Presence> all) {
        queue.clear();
        queue.offer(new Op.Replace(List.copyOf(all)));
        resyncNeeded.set(false);
    }

    /** Changes waiting to be written. */
    public int pending() {
        return queue.size();
    }

    /** Changes that found the queue full (each one leads to a full rewrite). */
    public long dropped() {
        return dropped.sum();
    }

    /** Batches that could not be written (each one leads to a full rewrite). */
    public long failedBatches() {
        return failedBatches.sum();
    }

    /** Operations written since start. */
    public long written() {
        return written.get();
    }

    private void run() {
        List<Op> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                if (resyncNeeded.get()) {
                    resync.run();
                }
                Op first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                if (!write(batch)) {
                    resyncNeeded.set(true);
                    if (!running) {
                        giveUpAtShutdown(queue.size() + batch.size());
                        return;
                    }
                    Thread.sleep(RETRY_MS);
                }
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.error("Presence journal failed", e);
                resyncNeeded.set(true);
                if (!running) {
                    giveUpAtShutdown(queue.size());
                    return;
                }
            } finally {
                batch.clear();
            }
        }
    }

    private boolean write(List<Op> batch) {
        try {
            transactions.executeWrite(status -> {
                for (Op op : batch) {
                    apply(op);
                }
                return null;
            });
            written.addAndGet(batch.size());
            return true;
        } catch (RuntimeException e) {
            failedBatches.increment();
            LOG.error("Writing {} presence changes failed; the whole presence will be written again: {}",
                    batch.size(), e.toString());
            return false;
        }
    }

    private void apply(Op op) {
        switch (op) {
            case Op.Replace r -> {
                repository.deleteAll();
                repository.saveAll(r.all().stream().map(JdbcPresenceJournal::row).toList());
            }
            case Op.Apply a -> {
                switch (a.change()) {
                    case PresenceChange.Entered e -> {
                        repository.deleteById(e.presence().person().value());
                        repository.save(row(e.presence()));
                    }
                    case PresenceChange.Left l -> repository.deleteById(l.person().value());
                    case PresenceChange.Forgotten f -> repository.deleteById(f.person().value());
                }
            }
        }
    }

    private static PresenceRow row(Presence p) {
        return new PresenceRow(p.person().value(), p.area().value(), p.since(),
                p.door() == null ? null : p.door().value(), p.escort() == null ? null : p.escort().value());
    }

    /** Drains what is queued, then writes the engine's whole presence once more (before the database closes). */
    @PreDestroy
    void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.error("Presence journal did not finish within 10 s; the last presence changes may be lost");
                return;
            }
        }
        resync.run();
        List<Op> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty() && write(rest)) {
            LOG.info("Presence stored on shutdown");
        }
    }

    /**
     * Shutting down and the database refuses the write: retrying would spin until the JVM exits. What is lost is the
     * presence since the last stored change; at the next start the engine restores what the table holds.
     */
    private void giveUpAtShutdown(int pending) {
        LOG.error("Presence journal stopping with the database refusing writes: {} pending change(s) not stored; "
                + "the next start restores the presence last stored", pending);
    }
}
