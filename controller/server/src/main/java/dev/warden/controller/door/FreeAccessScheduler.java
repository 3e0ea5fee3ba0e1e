package dev.warden.controller.door;

import dev.warden.contract.DoorCommand;
import dev.warden.controller.decision.AccessIndex;
import dev.warden.controller.decision.IndexView;
import dev.warden.controller.event.AgentRepository;
import dev.warden.controller.event.AgentRow;
import dev.warden.policy.AccessSnapshot;
import dev.warden.policy.Door;
import dev.warden.policy.Schedule;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens free-access doors (a lobby in business hours) for everyone while their schedule is open: at each edge of a
 * door's free-access schedule it sends the serving agent an UNLOCK lasting until the window ends (at most
 * {@link DoorCommand#MAX_DURATION_MS}; a longer window is renewed before the unlock runs out), or a LOCK when the
 * window has closed. It checks every {@code warden.free-access.check-interval} (5 s) and at start-up, when it sends
 * every free-access door its current state; it sends the current state again to an agent that comes (back) online,
 * and LOCKs a door it had unlocked whose free access was removed. A command that cannot be sent is retried at the next
 * check. Every command is logged. Time comes from the injected {@link Clock}; runs only with MQTT enabled.
 */
@Singleton
@Requires(property = "warden.mqtt.enabled", notEquals = "false")
@Requires(property = "warden.free-access.enabled", notEquals = "false")
public class FreeAccessScheduler implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(FreeAccessScheduler.class);
    static final Duration MAX_UNLOCK = Duration.ofMillis(DoorCommand.MAX_DURATION_MS);

    /** What was last sent to a door (null entry: nothing yet). */
    private record Sent(boolean unlocked, Instant until, String agentId) {}

    private final Supplier<IndexView> view;
    private final Supplier<Set<String>> onlineAgents;
    private final SendDoorCommand commands;
    private final Clock clock;
    private final Duration interval;
    private final Map<String, Sent> sent = new HashMap<>();
    private final Set<String> failing = new HashSet<>();
    private Set<String> online = Set.of();
    private ScheduledExecutorService worker;

    @Inject
    public FreeAccessScheduler(AccessIndex index, AgentRepository agents, SendDoorCommand commands, Clock clock,
                               @Value("${warden.free-access.check-interval:5s}") Duration interval) {
        this(index::current, () -> onlineIds(agents), commands, clock, interval);
    }

    /** For tests: every source given explicitly. */
    FreeAccessScheduler(Supplier<IndexView> view, Supplier<Set<String>> onlineAgents, SendDoorCommand commands,
                        Clock clock, Duration interval) {
        this.view = view;
        this.onlineAgents = onlineAgents;
        this.commands = commands;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        start();
    }

    synchronized void start() {
        if (worker != null) {
            return;
        }
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "free-access");
            t.setDaemon(true);
            return t;
        });
        worker.scheduleWithFixedDelay(this::safeTick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Free-access doors checked every {} s", interval.toSeconds());
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.error("Free-access check failed; retrying in {} s", interval.toSeconds(), e);
        }
    }

    /** One check at the clock's current instant. */
    synchronized void tick() {
        Instant now = clock.instant();
        IndexView current = view.get();
        AccessSnapshot snapshot = current.snapshot();
        Set<String> nowOnline = onlineAgents.get();
        Set<String> cameOnline = new HashSet<>(nowOnline);
        cameOnline.removeAll(online);
        online = Set.copyOf(nowOnline);

        Set<String> freeDoors = new HashSet<>();
        for (Door door : snapshot.doors()) {
            String agent = current.doorAgents().get(door.id().value());
            if (door.freeAccess() == null || agent == null) {
                continue;
            }
            String doorId = door.id().value();
            freeDoors.add(doorId);
            Schedule schedule = snapshot.schedule(door.freeAccess()).orElse(null);
            boolean open = schedule != null && schedule.isOpenAt(now);
            Sent last = sent.get(doorId);
            boolean resend = last == null || !last.agentId().equals(agent) || cameOnline.contains(agent);
            if (open) {
                boolean runningOut = last != null && last.unlocked()
                        && !last.until().minus(interval.multipliedBy(3)).isAfter(now) && schedule.isOpenAt(last.until());
                if (resend || !last.unlocked() || runningOut) {
                    Instant until = windowEnd(schedule, now);
                    if (send(agent, doorId, DoorCommand.Action.UNLOCK, Duration.between(now, until).toMillis(),
                            "free access until " + until + " (schedule " + door.freeAccess().value() + ")")) {
                        sent.put(doorId, new Sent(true, until, agent));
                    }
                }
            } else if (resend || last.unlocked()) {
                if (send(agent, doorId, DoorCommand.Action.LOCK, 0,
                        "free access over (schedule " + door.freeAccess().value() + " closed)")) {
                    sent.put(doorId, new Sent(false, now, agent));
                }
            }
        }
        for (Iterator<Map.Entry<String, Sent>> it = sent.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Sent> e = it.next();
            if (freeDoors.contains(e.getKey())) {
                continue;
            }
            if (!e.getValue().unlocked()
                    || send(e.getValue().agentId(), e.getKey(), DoorCommand.Action.LOCK, 0, "free access removed")) {
                it.remove();
            }
        }
    }

    /**
     * When the schedule next closes after {@code now}: the first whole minute (UTC) at which it is closed, looked
     * for up to {@link #MAX_UNLOCK} ahead (window edges lie on whole minutes of local time); {@code now + MAX_UNLOCK}
     * when it stays open that long.
     */
    static Instant windowEnd(Schedule schedule, Instant now) {
        Instant limit = now.plus(MAX_UNLOCK);
        for (Instant t = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)); t.isBefore(limit);
             t = t.plus(Duration.ofMinutes(1))) {
            if (!schedule.isOpenAt(t)) {
                return t;
            }
        }
        return limit;
    }

    private boolean send(String agent, String doorId, DoorCommand.Action action, long durationMs, String why) {
        DoorCommand command = new DoorCommand("free-" + UUID.randomUUID(), doorId, action, durationMs, null);
        try {
            commands.send(agent, command);
        } catch (RuntimeException e) {
            if (failing.add(doorId)) {
                LOG.warn("Free access: {} for door {} could not be sent to agent {} ({}); retrying every {} s",
                        action, doorId, agent, e.getMessage(), interval.toSeconds());
            }
            return false;
        }
        failing.remove(doorId);
        LOG.info("Free access: {} door {} via agent {}{}: {}", action, doorId, agent,
                action == DoorCommand.Action.UNLOCK ? " for " + durationMs + " ms" : "", why);
        return true;
    }

    private static Set<String> onlineIds(AgentRepository agents) {
        Set<String> ids = new HashSet<>();
        for (AgentRow a : agents.findAll()) {
            if (a.online()) {
                ids.add(a.id());
            }
        }
        return ids;
    }

    @PreDestroy
    synchronized void stop() {
        if (worker != null) {
            worker.shutdownNow();
            worker = null;
        }
    }
}
