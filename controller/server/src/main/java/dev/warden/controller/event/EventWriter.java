package dev.warden.controller.event;

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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores events off the decision path: {@link #submit} only offers to a bounded queue and returns; one writer
 * thread drains the queue in batches of up to {@value #MAX_BATCH} rows, inserts each batch in one transaction,
 * then hands the stored rows (with their ids) to the {@link EventBroadcaster}.
 *
 * <p>The queue holds {@code warden.events.queue-capacity} events (default 200,000: 20 s of a 10k/s burst while
 * the database stalls; a batch insert on H2 runs far faster than 10k rows/s). If it is ever full, the event is
 * dropped, counted, and logged at ERROR (at most once per second, with the running count) — the decision itself
 * is never delayed. A batch that fails is retried three times, then stored row by row so one bad row cannot
 * take its neighbours with it. On shutdown the queue is drained before the database closes.
 */
@Singleton
public class EventWriter {
    private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);
    static final int MAX_BATCH = 1000;
    private static final int BATCH_ATTEMPTS = 3;

    private final AccessEventRepository repository;
    private final TransactionOperations<Connection> transactions;
    private final EventBroadcaster broadcaster;
    private final BlockingQueue<AccessEventRow> queue;
    private final LongAdder dropped = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong lastDropLog = new AtomicLong();
    private volatile boolean running = true;
    private Thread thread;

    public EventWriter(AccessEventRepository repository, TransactionOperations<Connection> transactions,
                       EventBroadcaster broadcaster,
                       @Value("${warden.events.queue-capacity:200000}") int capacity) {
        this.repository = repository;
        this.transactions = transactions;
        this.broadcaster = broadcaster;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    @PostConstruct
    void start() {
        thread = Thread.ofPlatform().name("event-writer").daemon(true).start(this::run);
    }

    /** Queues an event for storage; never blocks. Returns false (and counts a drop) when the queue is full. */
    public boolean submit(AccessEventRow event) {
        if (queue.offer(event)) {
            return true;
        }
        dropped.increment();
        long now = System.nanoTime();
        long last = lastDropLog.get();
        if (now - last > 1_000_000_000L && lastDropLog.compareAndSet(last, now)) {
            LOG.error("EVENT QUEUE FULL: dropped an event ({} dropped since start); the database cannot keep up",
                    dropped.sum());
        }
        return false;
    }

    public long stored() {
        return stored.get();
    }

    public long dropped() {
        return dropped.sum();
    }

    public long failed() {
        return failed.sum();
    }

    public int pending() {
        return queue.size();
    }

    private void run() {
        List<AccessEventRow> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                AccessEventRow first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    queue.drainTo(batch);
                    write(batch);
                    return;
                }
            } catch (RuntimeException e) {
                LOG.error("Event writer failed on a batch of {}", batch.size(), e);
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<AccessEventRow> batch) {
        if (batch.isEmpty()) {
            return;
        }
        for (int attempt = 1; attempt <= BATCH_ATTEMPTS; attempt++) {
            try {
                List<AccessEventRow> saved = transactions.executeWrite(status -> repository.saveAll(batch));
                stored.addAndGet(saved.size());
                broadcaster.publish(saved);
                return;
            } catch (RuntimeException e) {
                LOG.warn("Storing a batch of {} events failed (attempt {}/{}): {}", batch.size(), attempt,
                        BATCH_ATTEMPTS, e.getMessage());
            }
        }
        for (AccessEventRow row : batch) {
            try {
                AccessEventRow saved = transactions.executeWrite(status -> repository.save(row));
                stored.incrementAndGet();
                broadcaster.publish(List.of(saved));
            } catch (RuntimeException e) {
                failed.increment();
                LOG.error("Event could not be stored and is lost: {} at {} door {} reader {}", row.kind(),
                        row.occurredAt(), row.doorId(), row.readerId(), e);
            }
        }
    }

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
                LOG.error("Event writer did not finish within 10 s; {} events not stored", queue.size());
            }
        }
    }
}
