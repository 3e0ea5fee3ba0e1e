package dev.warden.controller.alarm;

import dev.warden.contract.AgentEvent;
import dev.warden.contract.AgentEventType;
import dev.warden.controller.door.DoorRepository;
import dev.warden.controller.door.DoorRow;
import dev.warden.policy.alarm.AlarmPlace;
import dev.warden.policy.alarm.AlarmTrigger;
import dev.warden.policy.alarm.AlarmType;
import dev.warden.policy.alarm.DoorForcedDetector;
import dev.warden.policy.alarm.DoorHeldDetector;
import dev.warden.policy.alarm.InputAlarms;
import dev.warden.policy.alarm.OfflineDetector;
import dev.warden.policy.alarm.RepeatedDenialsDetector;
import dev.warden.policy.alarm.SignalAlarms;
import dev.warden.policy.alarm.TailgatingDetector;
import dev.warden.policy.alarm.ThresholdDetector;
import dev.warden.policy.alarm.Thresholds;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the rest of the controller tells the alarms: every decided read, the access engine's signals, every stored
 * and timely agent event (through {@link AlarmAgentEvents}), agent status changes (from
 * {@code event.AgentPresence}) and the one-second tick. Callers never wait for a database write: each input is queued
 * (bounded, {@code warden.alarms.queue-capacity}) and evaluated in arrival order on one thread, the only one that
 * touches the detectors of {@code dev.warden.policy.alarm}; their raises and clears go to {@link AlarmService}. An
 * input that does not fit the queue is refused, logged and counted; an input whose evaluation fails is logged and
 * counted and never stops the ones after it.
 *
 * <p>What each input can raise: decided reads give door-forced and tailgating windows (grants) and repeated denials
 * per door and per credential (denials, and agent-rejected reads per door); DOOR_STATE OPEN/CLOSED gives door forced
 * and door held (timed by {@link #tick}); lock reports and executed UNLOCK / LOCK commands move the door-forced
 * windows; PASSAGE gives tailgating; TAMPER and SENSOR_ALARM give tamper, smoke, leak and power; SENSOR_READING gives
 * temperature and humidity; DEVICE_OFFLINE / DEVICE_ONLINE and agent status give the offline alarms.
 */
@Singleton
public class AlarmInputs {
    private static final Logger LOG = LoggerFactory.getLogger(AlarmInputs.class);

    private final AlarmService alarms;
    private final SensorThresholds thresholds;
    private final DoorRepository doors;
    private final Clock clock;
    private final ThreadPoolExecutor worker;
    private final LongAdder refused = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder ignored = new LongAdder();

    // Worker thread only.
    private final DoorForcedDetector forced;
    private final DoorHeldDetector held;
    private final RepeatedDenialsDetector doorDenials;
    private final RepeatedDenialsDetector credentialDenials;
    private final TailgatingDetector tailgating;
    private final ThresholdDetector levels = new ThresholdDetector();
    private final OfflineDetector offline = new OfflineDetector();
    /** Doors with a DOOR_HELD alarm still open from before a restart: their next CLOSED clears it. */
    private final Set<String> heldBeforeRestart = new HashSet<>();
    private boolean restored;

    AlarmInputs(AlarmService alarms, SensorThresholds thresholds, DoorRepository doors, AlarmSettings settings,
                Clock clock) {
        this.alarms = alarms;
        this.thresholds = thresholds;
        this.doors = doors;
        this.clock = clock;
        this.forced = new DoorForcedDetector(settings.getGrace());
        this.held = new DoorHeldDetector(settings.getHeldOpen());
        this.doorDenials = new RepeatedDenialsDetector(settings.getDenialCount(), settings.getDenialWindow());
        this.credentialDenials = new RepeatedDenialsDetector(settings.getDenialCount(), settings.getDenialWindow());
        this.tailgating = new TailgatingDetector(settings.getGrace());
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, settings.getQueueCapacity())), r -> {
                    Thread t = new Thread(r, "alarms");
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Every decided read (repeated denials, door forced/held windows, tailgating grants). */
    public void onDecidedRead(DecidedRead read) {
        Objects.requireNonNull(read, "read");
        submit("decided read", () -> read(read));
    }

    /** A signal of the access engine, by its {@code SignalType} name (TERMINATED_CREDENTIAL, DURESS, ...). */
    public void onSignal(String type, Instant at, String doorId, String areaId, String personId, String detail) {
        Objects.requireNonNull(at, "at");
        submit("signal", () -> signal(type, at, doorId, areaId, personId, detail));
    }

    /** A stored, timely agent event (of a door its agent serves, or of no door); {@code doorId} as stored. */
    public void onAgentEvent(AgentEvent event, String doorId) {
        Objects.requireNonNull(event, "event");
        submit("agent event", () -> event(event, doorId));
    }

    /** An agent's status changed (or was first reported): OFFLINE raises AGENT_OFFLINE, ONLINE clears it. */
    public void onAgentStatus(String agentId, boolean online, Instant at) {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(at, "at");
        submit("agent status", () -> offline.agent(agentId, online, at).ifPresent(this::apply));
    }

    /** Evaluates held-open doors at the clock's now and forgets stale detector state (the ticker calls it each second). */
    public void tick() {
        submit("tick", () -> {
            Instant now = clock.instant();
            held.tick(now).forEach(this::apply);
            doorDenials.prune(now);
            credentialDenials.prune(now);
            tailgating.prune(now);
        });
    }

    /**
     * Waits until every input given before this call has been evaluated; false on timeout. For tests and orderly
     * shutdown.
     */
    public boolean flush(Duration timeout) {
        CountDownLatch done = new CountDownLatch(1);
        try {
            worker.execute(done::countDown);
            return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** An operator cleared an alarm: the detector forgets the condition, so one that persists raises a new alarm. */
    void operatorCleared(AlarmDto alarm) {
        submit("operator clear", () -> {
            switch (AlarmType.valueOf(alarm.type())) {
                case TEMPERATURE, HUMIDITY -> levels.restore(alarm.place(), ThresholdDetector.Level.NORMAL);
                case DEVICE_OFFLINE, AGENT_OFFLINE -> offline.forget(alarm.place());
                default -> { }
            }
        });
    }

    /** Inputs refused because the queue was full. */
    public long refusedCount() {
        return refused.sum();
    }

    /** Inputs whose evaluation failed (logged). */
    public long failedCount() {
        return failed.sum();
    }

    /** Inputs that carried nothing usable (an unknown signal, an unreadable sensor value). */
    public long ignoredCount() {
        return ignored.sum();
    }

    @PreDestroy
    void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void submit(String what, Runnable task) {
        try {
            worker.execute(() -> {
                try {
                    restoreOnce();
                    task.run();
                } catch (RuntimeException e) {
                    failed.increment();
                    LOG.error("Evaluating a {} for alarms failed ({} failures since start)", what, failed.sum(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            refused.increment();
            if (worker.isShutdown()) {
                LOG.debug("{} after shutdown: not evaluated for alarms", what);
            } else {
                LOG.error("Alarm input queue full: a {} was not evaluated ({} refused since start)", what,
                        refused.sum());
            }
        }
    }

    /** Brings detector state in line with the alarms still open from before a restart. */
    private void restoreOnce() {
        if (restored) {
            return;
        }
        restored = true;
        for (AlarmDto a : alarms.open()) {
            switch (AlarmType.valueOf(a.type())) {
                case TEMPERATURE, HUMIDITY -> {
                    if ("HIGH".equals(a.level()) || "LOW".equals(a.level())) {
                        levels.restore(a.place(), ThresholdDetector.Level.valueOf(a.level()));
                    }
                }
                case DEVICE_OFFLINE, AGENT_OFFLINE -> offline.restoreOffline(a.place());
                case DOOR_HELD -> {
                    if (a.doorId() != null) {
                        heldBeforeRestart.add(a.doorId());
                    }
                }
                default -> { }
            }
        }
    }

    private void read(DecidedRead r) {
        if (r.at() == null) {
            ignored.increment();
            return;
        }
        if (r.granted()) {
            if (r.doorId() == null) {
                return;
            }
            Duration unlock = Duration.ofMillis(r.unlockMs() > 0 ? r.unlockMs() : unlockMsOf(r.doorId()));
            forced.permit(r.doorId(), r.at(), r.at().plus(unlock));
            tailgating.granted(r.doorId(), r.at(), unlock);
            return;
        }
        if (r.doorId() != null) {
            doorDenials.denied(AlarmPlace.door(r.doorId()), r.at()).ifPresent(this::apply);
        }
        if (r.credentialId() != null) {
            credentialDenials.denied(AlarmPlace.credential(r.credentialId(), r.personId(), r.doorId()), r.at())
                    .ifPresent(this::apply);
        }
    }

    private void signal(String type, Instant at, String doorId, String areaId, String personId, String detail) {
        Optional<AlarmTrigger> trigger = SignalAlarms.of(type, at, doorId, areaId, personId, detail);
        if (trigger.isEmpty()) {
            ignored.increment();
            LOG.warn("Signal {} (door {}, person {}) raises no alarm: unknown signal or no place", type, doorId,
                    personId);
            return;
        }
        apply(trigger.get());
    }

    private void event(AgentEvent e, String doorId) {
        Instant at = e.occurredAt();
        Map<String, String> attrs = e.attributes();
        String door = doorId != null ? doorId : e.doorId();
        switch (e.type()) {
            case DOOR_STATE -> doorState(e, door, attrs.get("state"), at);
            case COMMAND_EXECUTED -> command(door, attrs, at);
            case PASSAGE -> {
                if (door != null) {
                    tailgating.passage(door, at).ifPresent(this::apply);
                }
            }
            case READ_REJECTED -> {
                if (door != null) {
                    doorDenials.denied(AlarmPlace.door(door), at).ifPresent(this::apply);
                }
            }
            case TAMPER -> {
                if (e.deviceId() != null) {
                    InputAlarms.tamper(e.deviceId(), door, attrs.get("state"), at).ifPresent(this::apply);
                }
            }
            case SENSOR_ALARM -> {
                if (e.deviceId() != null) {
                    Optional<AlarmTrigger> t = InputAlarms.sensor(e.deviceId(), door, attrs.get("input"),
                            attrs.get("state"), at);
                    t.ifPresentOrElse(this::apply, ignored::increment);
                }
            }
            case SENSOR_READING -> reading(e, door, at);
            case DEVICE_OFFLINE, DEVICE_ONLINE -> {
                if (e.deviceId() != null) {
                    offline.device(e.deviceId(), door, e.type() == AgentEventType.DEVICE_ONLINE,
                            attrs.get("reason"), at).ifPresent(this::apply);
                }
            }
            case DEVICE_SECURITY -> { }
        }
    }

    private void doorState(AgentEvent e, String door, String state, Instant at) {
        if (door == null || state == null) {
            return;
        }
        switch (state) {
            case "OPEN", "CLOSED" -> {
                boolean open = "OPEN".equals(state);
                boolean permitted = forced.permitted(door, at);
                forced.contact(door, open, at).ifPresent(this::apply);
                held.contact(door, open, at, permitted).ifPresent(this::apply);
                if (!open && heldBeforeRestart.remove(door)) {
                    apply(new AlarmTrigger.Clear(AlarmType.DOOR_HELD, AlarmPlace.door(door), at,
                            "door closed at " + at));
                }
            }
            case "UNLOCKED" -> forced.lock(door, true, at);
            case "LOCKED" -> forced.lock(door, false, at);
            case "TAMPER" -> {
                AlarmPlace place = e.deviceId() != null ? AlarmPlace.device(e.deviceId(), door) : AlarmPlace.door(door);
                apply(new AlarmTrigger.Raise(AlarmType.TAMPER, place, at,
                        "tamper reported by " + (e.deviceId() != null ? e.deviceId() : "door " + door)));
            }
            default -> ignored.increment();
        }
    }

    private void command(String door, Map<String, String> attrs, Instant at) {
        if (door == null) {
            return;
        }
        String action = attrs.get("action");
        if ("UNLOCK".equals(action)) {
            long ms = parseLong(attrs.get("durationMs"));
            forced.permit(door, at, at.plusMillis(ms > 0 ? ms : unlockMsOf(door)));
        } else if ("LOCK".equals(action)) {
            forced.lock(door, false, at);
        }
    }

    private void reading(AgentEvent e, String door, Instant at) {
        String quantity = e.attributes().get("quantity");
        if (e.deviceId() == null || quantity == null) {
            ignored.increment();
            return;
        }
        Optional<Thresholds> band = thresholds.of(e.deviceId(), quantity);
        if (band.isEmpty()) {
            return;
        }
        double value;
        try {
            value = Double.parseDouble(e.attributes().getOrDefault("value", "").strip());
        } catch (NumberFormatException ex) {
            ignored.increment();
            LOG.warn("SENSOR_READING {}/{} of {} has no readable value: ignored ({} ignored inputs since start)",
                    e.agentId(), e.seq(), e.deviceId(), ignored.sum());
            return;
        }
        AlarmType type = SensorThresholds.typeOf(quantity).orElseThrow();
        String q = quantity.strip().toLowerCase(Locale.ROOT);
        List<AlarmTrigger> out = new ArrayList<>(levels.reading(type, AlarmPlace.sensor(e.deviceId(), q, door), value,
                e.attributes().get("unit"), band.get(), at));
        out.forEach(this::apply);
    }

    private long unlockMsOf(String doorId) {
        return doors.findById(doorId).map(DoorRow::unlockMs).orElse(0L);
    }

    private static long parseLong(String s) {
        if (s == null) {
            return 0;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void apply(AlarmTrigger trigger) {
        alarms.apply(trigger);
    }
}
