package dev.warden.sim.device;

import dev.warden.contract.ContractJson;
import dev.warden.contract.DeviceCommand;
import dev.warden.contract.DeviceState;
import dev.warden.contract.Parsed;
import dev.warden.contract.Topics;
import dev.warden.sim.config.DeviceSpec;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A door's lock relay: on UNLOCK(ms) it reports UNLOCKED and, {@code ms} later, LOCKED again (a new UNLOCK extends
 * the release); on LOCK it locks at once. States are retained on {@code devices/{id}/state}; the current state is
 * published again on every (re)connect. Relocking is scheduled on the simulator's executor, never slept.
 */
public final class SimLock {

    private static final Logger LOG = LoggerFactory.getLogger(SimLock.class);

    private final DeviceSpec spec;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final List<LongConsumer> unlockListeners = new CopyOnWriteArrayList<>();
    private final Deque<CompletableFuture<Long>> unlockWaiters = new ArrayDeque<>();
    private DeviceState.State state = DeviceState.State.LOCKED;
    private ScheduledFuture<?> relock;
    private DeviceChannel channel;

    public SimLock(DeviceSpec spec, Clock clock, ScheduledExecutorService scheduler) {
        this.spec = spec;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    public String id() {
        return spec.id();
    }

    public String doorId() {
        return spec.doorId();
    }

    public String commandTopic() {
        return Topics.deviceCommand(spec.id());
    }

    public synchronized void attach(DeviceChannel channel) {
        this.channel = channel;
    }

    /** Called with the release time of every UNLOCK the lock obeys (the contact uses it to let the person through). */
    public void onUnlock(LongConsumer listener) {
        unlockListeners.add(listener);
    }

    /** The release time of the next UNLOCK this lock obeys. */
    public synchronized CompletableFuture<Long> nextUnlock() {
        CompletableFuture<Long> f = new CompletableFuture<>();
        unlockWaiters.add(f);
        return f;
    }

    public synchronized void forget(CompletableFuture<Long> waiter) {
        unlockWaiters.remove(waiter);
    }

    public synchronized DeviceState.State state() {
        return state;
    }

    /** Publishes the current state (retained); on every (re)connect. */
    public void announce() {
        publish(state());
    }

    public void onMessage(String topic, byte[] payload) {
        switch (ContractJson.parse(payload, DeviceCommand.class)) {
            case Parsed.Ok<DeviceCommand>(DeviceCommand command) -> obey(command);
            case Parsed.Rejected<DeviceCommand>(String reason, String detail, String requestId) ->
                    LOG.warn("lock {} ignored a malformed command: {} ({})", spec.id(), reason, detail);
        }
    }

    private void obey(DeviceCommand command) {
        switch (command.action()) {
            case UNLOCK -> unlock(command.durationMs());
            case LOCK -> lock();
            default -> LOG.warn("lock {} cannot {}", spec.id(), command.action());
        }
    }

    private void unlock(long ms) {
        CompletableFuture<Long> waiter;
        synchronized (this) {
            if (relock != null) {
                relock.cancel(false);
            }
            state = DeviceState.State.UNLOCKED;
            relock = scheduler.schedule(this::lock, ms, TimeUnit.MILLISECONDS);
            waiter = unlockWaiters.poll();
        }
        LOG.info("lock {} UNLOCKED for {} ms", spec.id(), ms);
        publish(DeviceState.State.UNLOCKED);
        unlockListeners.forEach(l -> l.accept(ms));
        if (waiter != null) {
            waiter.complete(ms);
        }
    }

    private void lock() {
        synchronized (this) {
            if (relock != null) {
                relock.cancel(false);
                relock = null;
            }
            if (state == DeviceState.State.LOCKED) {
                return;
            }
            state = DeviceState.State.LOCKED;
        }
        LOG.info("lock {} LOCKED", spec.id());
        publish(DeviceState.State.LOCKED);
    }

    private void publish(DeviceState.State s) {
        DeviceChannel c;
        synchronized (this) {
            c = channel;
        }
        if (c != null) {
            c.publish(Topics.deviceState(spec.id()), ContractJson.write(new DeviceState(s, clock.instant())), true);
        }
    }
}
