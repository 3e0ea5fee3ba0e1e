package dev.warden.sim.device;

import dev.warden.contract.ContractJson;
import dev.warden.contract.DeviceState;
import dev.warden.contract.Topics;
import dev.warden.sim.config.DeviceSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A door contact: when its door's lock releases, the simulated person pushes the door open ({@link #OPEN_AFTER}
 * later: OPEN) and it swings shut ({@link #CLOSED_AFTER} after that: CLOSED). Retained states on
 * {@code devices/{id}/state}; the current state is published again on every (re)connect. Scenarios: a door can be
 * {@link #forceOpen forced open} (OPEN without any release, CLOSED a while later), and the next passage can be
 * {@link #holdNextPassage held open} for longer.
 */
public final class SimContact {

    public static final Duration OPEN_AFTER = Duration.ofMillis(400);
    public static final Duration CLOSED_AFTER = Duration.ofMillis(1500);

    private static final Logger LOG = LoggerFactory.getLogger(SimContact.class);

    private final DeviceSpec spec;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private DeviceState.State state = DeviceState.State.CLOSED;
    private boolean passing;
    private Duration nextHold;
    private DeviceChannel channel;

    public SimContact(DeviceSpec spec, Clock clock, ScheduledExecutorService scheduler) {
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

    public synchronized void attach(DeviceChannel channel) {
        this.channel = channel;
    }

    public synchronized DeviceState.State state() {
        return state;
    }

    public void announce() {
        publish(state());
    }

    /**
     * The door's lock released: someone walks through (once per release; a release during a passage is ignored). The
     * door stays open {@link #CLOSED_AFTER}, or as long as {@link #holdNextPassage} asked for this passage.
     */
    public void doorUnlocked(long unlockMs) {
        Duration held;
        synchronized (this) {
            if (passing) {
                return;
            }
            passing = true;
            held = nextHold;
            nextHold = null;
        }
        if (held != null) {
            LOG.info("contact {}: the door is held open for {} ms", spec.id(), held.toMillis());
        }
        Duration open = held == null ? CLOSED_AFTER : held;
        scheduler.schedule(() -> openFor(open), OPEN_AFTER.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Someone forces the door: OPEN now, without any release, and CLOSED {@code openFor} later. Ignored while a
     * passage is under way (the door is already open).
     *
     * @return whether the door was forced (false: a passage was under way)
     */
    public boolean forceOpen(Duration openFor) {
        synchronized (this) {
            if (passing) {
                return false;
            }
            passing = true;
        }
        LOG.info("contact {}: the door is forced open for {} ms", spec.id(), openFor.toMillis());
        scheduler.execute(() -> openFor(openFor));
        return true;
    }

    /** The next passage (after the next release) leaves the door open for {@code openFor} instead of {@link #CLOSED_AFTER}. */
    public synchronized void holdNextPassage(Duration openFor) {
        if (openFor.isNegative() || openFor.isZero()) {
            throw new IllegalArgumentException("a door is held open for a positive time");
        }
        nextHold = openFor;
    }

    private void openFor(Duration open) {
        set(DeviceState.State.OPEN);
        scheduler.schedule(() -> {
            set(DeviceState.State.CLOSED);
            synchronized (this) {
                passing = false;
            }
        }, open.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void set(DeviceState.State s) {
        synchronized (this) {
            state = s;
        }
        LOG.info("contact {} {}", spec.id(), s);
        publish(s);
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
