package dev.warden.controller.door;

import dev.warden.contract.DoorCommand;
import dev.warden.controller.decision.AccessIndex;
import dev.warden.controller.decision.IndexView;
import dev.warden.controller.event.AgentRepository;
import dev.warden.controller.event.AgentRow;
import dev.warden.policy.AccessSnapshot;
import dev.warden.policy.Area;
import dev.warden.policy.Door;
import dev.warden.policy.Schedule;
import dev.warden.policy.Site;
import dev.warden.policy.ThreatLevel;
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
import java.util.LinkedHashSet;
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
 * window has closed.
 *
 * <p>A free-access door is held locked, whatever its schedule, while it is not safe to leave it open: while its
 * area, an area it is nested in, or its site is locked down, while a threat-marked door's site is above
 * {@link ThreatLevel#NORMAL}, and while its area or site is not in the index (fail closed). It gets a LOCK as soon as
 * that starts — every index swap (a lockdown, a threat level, any policy change) triggers a check at once — and an
 * UNLOCK again only when the window is open and the condition is gone.
 *
 * <p>It checks every {@code warden.free-access.check-interval} (5 s), after every index swap, and at start-up, when
 * it sends every free-access door its current state and every door in the {@link FreeAccessLedger} (the UNLOCKs sent
 * and not yet taken back, kept across restarts) a LOCK unless that door is free and open at the same agent now. It
 * sends the current state again to an agent that comes (back) online; it LOCKs, at the agent that got the UNLOCK, a
 * door whose free access was removed, that was deleted, or that moved to another agent. A command that cannot be
 * sent is retried at the next check. Every command is logged. Time comes from the injected {@link Clock}; runs only
 * with MQTT enabled.
 */
@Singleton
@Requires(property = "warden.mqtt.enabled", notEquals = "false")
@Requires(property = "warden.free-access.enabled", notEquals = "false")
public class FreeAccessScheduler implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(FreeAccessScheduler.class);
    static final Duration MAX_UNLOCK = Duration.ofMillis(DoorCommand.MAX_DURATION_MS);

    /** What was last sent to a door at its current agent. */
    private record Sent(boolean unlocked, Instant until, String agentId) {}

    /** A door that may still be unlocked at an agent that no longer serves it as free access: it needs a LOCK. */
    private record Stale(String doorId, String agentId) {}

    private final Supplier<IndexView> view;
    private final Supplier<Set<String>> onlineAgents;
    private final SendDoorCommand commands;
    private final Clock clock;
    private final Duration interval;
    private final FreeAccessLedger ledger;
    private final Map<String, Sent> sent = new HashMap<>();
    private final Set<Stale> stale = new LinkedHashSet<>();
    private final Set<String> failing = new HashSet<>();
    private Set<String> online = Set.of();
    private boolean restored;
    private ScheduledExecutorService worker;

    @Inject
    public FreeAccessScheduler(AccessIndex index, AgentRepository agents, SendDoorCommand commands, Clock clock,
                               @Value("${warden.free-access.check-interval:5s}") Duration interval,
                               FreeAccessLedger ledger) {
        this(index::current, () -> onlineIds(agents), commands, clock, interval, ledger);
        index.onSwap(v -> indexSwapped());
    }

    /** For tests: every source given explicitly. */
    FreeAccessScheduler(Supplier<IndexView> view, Supplier<Set<String>> onlineAgents, SendDoorCommand commands,
                        Clock clock, Duration interval, FreeAccessLedger ledger) {
        this.view = view;
        this.onlineAgents = onlineAgents;
        this.commands = commands;
        this.clock = clock;
        this.interval = interval;
        this.ledger = ledger;
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
        LOG.info("Free-access doors checked every {} s and after every access index change", interval.toSeconds());
    }

    /** A new index version is in place (a lockdown, a threat level, a door change, ...): check at once. */
    void indexSwapped() {
        ScheduledExecutorService w;
        synchronized (this) {
            w = worker;
        }
        if (w != null) {
            try {
                w.execute(this::safeTick);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("Free access: stopped, index change ignored");
            }
        }
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
        if (!restored) {
            // start-up: every door unlocked before the restart gets a LOCK unless it gets its current state below
            for (FreeAccessLedger.Unlock u : ledger.outstanding()) {
                stale.add(new Stale(u.doorId(), u.agentId()));
            }
            restored = true;
        }
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
            String held = heldLocked(door, snapshot);
            boolean open = held == null && schedule != null && schedule.isOpenAt(now);
            Sent last = sent.get(doorId);
            if (last != null && !last.agentId().equals(agent)) {
                // moved to another agent: the old one must not keep the door unlocked
                if (last.unlocked()) {
                    stale.add(new Stale(doorId, last.agentId()));
                }
                sent.remove(doorId);
                last = null;
            }
            boolean resend = last == null || cameOnline.contains(agent);
            if (open) {
                boolean runningOut = last != null && last.unlocked()
                        && !last.until().minus(interval.multipliedBy(3)).isAfter(now) && schedule.isOpenAt(last.until());
                if (resend || !last.unlocked() || runningOut) {
                    Instant until = windowEnd(schedule, now);
                    if (send(agent, doorId, DoorCommand.Action.UNLOCK, Duration.between(now, until).toMillis(),
                            "free access until " + until + " (schedule " + door.freeAccess().value() + ")")) {
                        sent.put(doorId, new Sent(true, until, agent));
                        ledger.unlocked(doorId, agent, until);
                    }
                }
            } else if (resend || last.unlocked()) {
                String why = held != null ? "free access suspended: " + held
                        : "free access over (schedule " + door.freeAccess().value() + " closed)";
                if (send(agent, doorId, DoorCommand.Action.LOCK, 0, why)) {
                    sent.put(doorId, new Sent(false, now, agent));
                    ledger.locked(doorId, agent);
                }
            }
        }
        for (Iterator<Map.Entry<String, Sent>> it = sent.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Sent> e = it.next();
            if (freeDoors.contains(e.getKey())) {
                continue;
            }
            if (e.getValue().unlocked()) {
                stale.add(new Stale(e.getKey(), e.getValue().agentId()));
            }
            it.remove();
        }
        for (Iterator<Stale> it = stale.iterator(); it.hasNext(); ) {
            Stale s = it.next();
            Sent current2 = sent.get(s.doorId());
            if (current2 != null && current2.agentId().equals(s.agentId())) {
                it.remove(); // that agent serves the door as free access and got its current state above
                continue;
            }
            if (send(s.agentId(), s.doorId(), DoorCommand.Action.LOCK, 0,
                    "free access no longer given by this agent (removed, door deleted or moved, or before a restart)")) {
                ledger.locked(s.doorId(), s.agentId());
                it.remove();
            }
        }
    }

    /**
     * Why a free-access door must stay locked whatever its schedule says, or null when nothing holds it: a lockdown
     * of its area, an enclosing area or its site; a raised threat level at a threat-marked door; its area or site
     * missing from the index (fail closed).
     */
    static String heldLocked(Door door, AccessSnapshot snapshot) {
        Area area = snapshot.area(door.area()).orElse(null);
        if (area == null) {
            return "area " + door.area().value() + " unknown";
        }
        Site site = snapshot.site(area.site()).orElse(null);
        if (site == null) {
            return "site " + area.site().value() + " unknown";
        }
        if (site.lockedDown()) {
            return "site " + site.id().value() + " locked down";
        }
        Area walk = area;
        for (int depth = 0; walk != null && depth <= snapshot.areas().size(); depth++) {
            if (walk.lockedDown()) {
                return "area " + walk.id().value() + " locked down";
            }
            walk = walk.parent() == null ? null : snapshot.area(walk.parent()).orElse(null);
        }
        if (door.threatMarked() && site.threat() != ThreatLevel.NORMAL) {
            return "threat level " + site.threat() + " at a threat-marked door";
        }
        return null;
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
