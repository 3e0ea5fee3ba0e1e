package dev.warden.sim.walker;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link WalkPlan}: each step is presented when its gap has passed (scheduled, never slept), and each read
 * and its outcome is logged. Nothing is presented until the devices are connected. The next step is scheduled regardless of how long the previous outcome takes.
 */
public final class Walker implements AutoCloseable {

    static final Duration NOT_READY_RETRY = Duration.ofMillis(200);

    private static final Logger LOG = LoggerFactory.getLogger(Walker.class);

    private final WalkPlan plan;
    private final Function<Step, CompletionStage<?>> present;
    private final BooleanSupplier ready;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong count = new AtomicLong();
    private volatile boolean stopped;
    private ScheduledFuture<?> next;

    /**
     * @param ready whether the devices can take part; while they cannot, the next step waits (it is not skipped, so
     *     the sequence of reads stays the plan's)
     */
    public Walker(WalkPlan plan, Function<Step, CompletionStage<?>> present, BooleanSupplier ready, ScheduledExecutorService scheduler) {
        this.plan = plan;
        this.present = present;
        this.ready = ready;
        this.scheduler = scheduler;
    }

    public synchronized void start() {
        scheduleNext();
    }

    /** How many reads the walker has presented. */
    public long reads() {
        return count.get();
    }

    private synchronized void scheduleNext() {
        if (stopped) {
            return;
        }
        Step step = plan.next();
        next = scheduler.schedule(() -> run(step), step.gapMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void run(Step step) {
        if (stopped) {
            return;
        }
        if (!ready.getAsBoolean()) {
            LOG.debug("devices not connected yet; the next read waits");
            next = scheduler.schedule(() -> run(step), NOT_READY_RETRY.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        long n = count.incrementAndGet();
        LOG.info("read #{}: {} at {} ({})", n, step.card().label(), step.readerId(), step.kind());
        try {
            present.apply(step).whenComplete((outcome, e) -> {
                if (e != null) {
                    LOG.warn("read #{} at {} failed: {}", n, step.readerId(), e.getMessage());
                } else {
                    LOG.info("read #{} at {} -> {}", n, step.readerId(), outcome);
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("read #{} at {} could not be presented: {}", n, step.readerId(), e.getMessage());
        }
        scheduleNext();
    }

    @Override
    public synchronized void close() {
        stopped = true;
        if (next != null) {
            next.cancel(false);
        }
    }
}
