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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
 * agent event (through {@link AlarmAgentEvents}), agent status changes (from {@code event.AgentPresence}) and the
 * one-second tick. Callers never wait for a database write: each input is queued (bounded,
 * {@code warden.alarms.queue-capacity}) and evaluated in arrival order on one thread, the only one that touches the
 * detectors of {@code dev.warden.policy.alarm}; their raises and clears go to {@link AlarmService}. An input that
 * does not fit the queue is refused, logged and counted; an input whose evaluation fails is logged and counted and
 * never stops the ones after it.
 *
 * <p>What each input can raise: decided reads give door-forced and tailgating windows (grants, each covering as many
 * gate passages as people it admits) and repeated denials per door and per credential (denials other than the
 * pending steps of a two-person or escorted entry, and agent-rejected reads per door); DOOR_STATE OPEN/CLOSED gives
 * door forced and door held (timed by {@link #tick}); lock reports and executed UNLOCK / LOCK commands move the
 * door-forced windows; PASSAGE gives tailgating; TAMPER and SENSOR_ALARM give tamper, smoke, leak and power;
 * SENSOR_READING gives temperature and humidity; DEVICE_OFFLINE / DEVICE_ONLINE and agent status give the offline
 * alarms. A device's alarms belong to the agent that reported the device: another agent can neither raise nor clear
 * them.
 *
 * <p>One clock: agent events are timed at their receipt by the controller ({@link #onAgentEvent} reads the injected
 * clock), grants at their decision, ticks at the clock's now, so agent clock skew never moves a window. The agent's
 * own time is kept in the alarm's detail where it matters (door forced, tailgating).
 *
 * <p>A trigger whose store fails is not lost: it waits, with every later trigger of the same alarm (type and place)
 * behind it in order, and is retried on each tick until it is stored, at most {@value #STORE_ATTEMPTS} times
 * (then it is dropped, logged and counted); at most {@value #MAX_UNSTORED} triggers wait.
 */
@Singleton
public class AlarmInputs {
    private static final Logger LOG = LoggerFactory.getLogger(AlarmInputs.class);
    /** Denial reasons that are the normal first step of a two-person or escorted entry: not counted as denials. */
    static final Set<String> PENDING_STEPS = Set.of("TWO_PERSON_PENDING", "TWO_PERSON_EXIT", "ESCORT_REQUIRED");
    /** Store attempts of one trigger (the first and the retries, one per tick). */
    static final int STORE_ATTEMPTS = 300;
    /** Triggers waiting for a retry of their store. */
    static final int MAX_UNSTORED = 10_000;

    private final AlarmService alarms;
    private final SensorThresholds thresholds;
    private final DoorRepository doors;
    private final Clock clock;
    private final ThreadPoolExecutor worker;
    private final LongAdder refused = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder ignored = new LongAdder();
    private final LongAdder storeFailures = new LongAdder();
    private final LongAdder lost = new LongAdder();

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
    /** Triggers whose store failed, per open key (TYPE|place), oldest first. */
    private final Map<String, ArrayDeque<Unstored>> unstored = new LinkedHashMap<>();
    private int unstoredCount;
    private boolean restored;
    private long restoreFailures;

    private static final class Unstored {
        final AlarmTrigger trigger;
        int attempts = 1;

        Unstored(AlarmTrigger trigger) {
            this.trigger = trigger;
        }
    }

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

    /**
     * A stored agent event (of a door its agent serves, or of no door); {@code doorId} as stored. Timed at its
     * receipt: now on the injected clock.
     */
    public void onAgentEvent(AgentEvent event, String doorId) {
        Objects.requireNonNull(event, "event");
        Instant received = clock.instant();
        submit("agent event", () -> event(event, doorId, received));
    }

    /** An agent's status changed (or was first reported): OFFLINE raises AGENT_OFFLINE, ONLINE clears it. */
    public void onAgentStatus(String agentId, boolean online, Instant at) {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(at, "at");
        submit("agent status", () -> offline.agent(agentId, online, at).ifPresent(this::apply));
    }

    /**
     * Retries triggers whose store failed, evaluates held-open doors at the clock's now and forgets stale detector
     * state (the ticker calls it each second).
     */
    public void tick() {
        submit("tick", () -> {
            Instant now = clock.instant();
            retryUnstored();
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
        if (!"CLEARED".equals(alarm.state())) {
            return;
        }
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

    /** Failed attempts to store a trigger (each is retried on the next tick). */
    public long storeFailureCount() {
        return storeFailures.sum();
    }

    /** Triggers given up after {@value #STORE_ATTEMPTS} failed stores, or refused because too many were waiting. */
    public long lostCount() {
        return lost.sum();
    }

    /** Facts the detectors refused to remember because their bounds were reached (each is logged). */
    public long detectorRefusedCount() {
        return forced.refusedCount() + held.refusedCount() + doorDenials.refusedCount()
                + credentialDenials.refusedCount() + tailgating.refusedCount() + levels.refusedCount()
                + offline.refusedCount();
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
                    long refusedBefore = detectorRefusedCount();
                    task.run();
                    long refusedNow = detectorRefusedCount();
                    if (refusedNow > refusedBefore) {
                        LOG.warn("A {} was not fully evaluated: a detector is at its bound of remembered places "
                                + "({} facts refused since start)", what, refusedNow);
                    }
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

    /**
     * Brings detector state in line with the alarms still open from before a restart (not those returned to normal:
     * their condition has ended). A failed read is logged and tried again with the next input.
     */
    private void restoreOnce() {
        if (restored) {
            return;
        }
        List<AlarmDto> open;
        try {
            open = alarms.open();
        } catch (RuntimeException e) {
            restoreFailures++;
            LOG.error("Reading the open alarms to restore the detectors failed (attempt {}); trying again with the "
                    + "next input", restoreFailures, e);
            return;
        }
        restored = true;
        for (AlarmDto a : open) {
            if ("RETURNED_TO_NORMAL".equals(a.state())) {
                continue;
            }
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
            tailgating.granted(r.doorId(), r.at(), unlock, r.admits());
            return;
        }
        if (r.reason() != null && PENDING_STEPS.contains(r.reason())) {
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

    private void event(AgentEvent e, String doorId, Instant at) {
        Instant reported = e.occurredAt();
        Map<String, String> attrs = e.attributes();
        String door = doorId != null ? doorId : e.doorId();
        String agent = e.agentId();
        switch (e.type()) {
            case DOOR_STATE -> doorState(e, door, attrs.get("state"), at, reported);
            case COMMAND_EXECUTED -> command(door, attrs, at);
            case PASSAGE -> {
                if (door != null) {
                    tailgating.passage(door, at, reported).ifPresent(this::apply);
                }
            }
            case READ_REJECTED -> {
                if (door != null) {
                    doorDenials.denied(AlarmPlace.door(door), at).ifPresent(this::apply);
                }
            }
            case TAMPER -> {
                if (e.deviceId() != null) {
                    InputAlarms.tamper(agent, e.deviceId(), door, attrs.get("state"), at).ifPresent(this::apply);
                }
            }
            case SENSOR_ALARM -> {
                if (e.deviceId() != null) {
                    Optional<AlarmTrigger> t = InputAlarms.sensor(agent, e.deviceId(), door, attrs.get("input"),
                            attrs.get("state"), at);
                    t.ifPresentOrElse(this::apply, ignored::increment);
                }
            }
            case SENSOR_READING -> reading(e, door, at);
            case DEVICE_OFFLINE, DEVICE_ONLINE -> {
                if (e.deviceId() != null) {
                    offline.device(agent, e.deviceId(), door, e.type() == AgentEventType.DEVICE_ONLINE,
                            attrs.get("reason"), at).ifPresent(this::apply);
                }
            }
            case DEVICE_SECURITY -> { }
        }
    }

    private void doorState(AgentEvent e, String door, String state, Instant at, Instant reported) {
        if (door == null || state == null) {
            return;
        }
        switch (state) {
            case "OPEN", "CLOSED" -> {
                boolean open = "OPEN".equals(state);
                boolean permitted = forced.permitted(door, at);
                forced.contact(door, open, at, reported).ifPresent(this::apply);
                held.contact(door, open, at, permitted).ifPresent(this::apply);
                if (!open && heldBeforeRestart.remove(door)) {
                    apply(new AlarmTrigger.Clear(AlarmType.DOOR_HELD, AlarmPlace.door(door), at,
                            "door closed at " + reported));
                }
            }
            case "UNLOCKED" -> forced.lock(door, true, at);
            case "LOCKED" -> forced.lock(door, false, at);
            case "TAMPER" -> {
                AlarmPlace place = e.deviceId() != null ? AlarmPlace.device(e.agentId(), e.deviceId(), door)
                        : AlarmPlace.door(door);
                apply(new AlarmTrigger.Raise(AlarmType.TAMPER, place, at,
                        "tamper reported by " + (e.deviceId() != null ? e.deviceId() : "door " + door)
                                + " at " + reported));
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
        List<AlarmTrigger> out = new ArrayList<>(levels.reading(type,
                AlarmPlace.sensor(e.agentId(), e.deviceId(), q, door), value, e.attributes().get("unit"), band.get(),
                at));
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

    /**
     * Stores a trigger. When an earlier trigger of the same alarm is still waiting for its store, this one waits
     * behind it (order per alarm is kept); when the store fails, it waits for the next tick.
     */
    private void apply(AlarmTrigger trigger) {
        String key = trigger.type().name() + "|" + trigger.place().key();
        ArrayDeque<Unstored> waiting = unstored.get(key);
        if (waiting != null) {
            enqueue(key, trigger);
            return;
        }
        if (!store(trigger)) {
            enqueue(key, trigger);
        }
    }

    private boolean store(AlarmTrigger trigger) {
        try {
            alarms.apply(trigger);
            return true;
        } catch (RuntimeException e) {
            storeFailures.increment();
            LOG.error("Storing {} {} at {} failed; retried on the next tick ({} store failures since start)",
                    trigger instanceof AlarmTrigger.Raise ? "raise of" : "clear of", trigger.type(),
                    trigger.place().key(), storeFailures.sum(), e);
            return false;
        }
    }

    private void enqueue(String key, AlarmTrigger trigger) {
        if (unstoredCount >= MAX_UNSTORED) {
            lost.increment();
            LOG.error("{} triggers already wait for their store: {} of {} at {} is lost ({} lost since start)",
                    MAX_UNSTORED, trigger.getClass().getSimpleName(), trigger.type(), trigger.place().key(),
                    lost.sum());
            return;
        }
        unstored.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(new Unstored(trigger));
        unstoredCount++;
    }

    /** One more store attempt for every waiting alarm, oldest trigger first; stops per alarm at its first failure. */
    private void retryUnstored() {
        Iterator<ArrayDeque<Unstored>> alarmsWaiting = unstored.values().iterator();
        while (alarmsWaiting.hasNext()) {
            ArrayDeque<Unstored> waiting = alarmsWaiting.next();
            while (!waiting.isEmpty()) {
                Unstored next = waiting.peekFirst();
                if (store(next.trigger)) {
                    waiting.pollFirst();
                    unstoredCount--;
                    continue;
                }
                next.attempts++;
                if (next.attempts >= STORE_ATTEMPTS) {
                    waiting.pollFirst();
                    unstoredCount--;
                    lost.increment();
                    LOG.error("Giving up on {} of {} at {} after {} failed stores ({} lost since start)",
                            next.trigger.getClass().getSimpleName(), next.trigger.type(), next.trigger.place().key(),
                            next.attempts, lost.sum());
                    continue;
                }
                break;
            }
            if (waiting.isEmpty()) {
                alarmsWaiting.remove();
            }
        }
    }
}
