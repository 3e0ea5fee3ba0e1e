package dev.warden.controller.door;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.contract.DoorCommand;
import dev.warden.controller.MutableClock;
import dev.warden.controller.decision.IndexView;
import dev.warden.policy.AccessSnapshot;
import dev.warden.policy.AntiPassback;
import dev.warden.policy.Area;
import dev.warden.policy.AreaId;
import dev.warden.policy.DayWindow;
import dev.warden.policy.Door;
import dev.warden.policy.DoorId;
import dev.warden.policy.PortalKind;
import dev.warden.policy.Schedule;
import dev.warden.policy.ScheduleId;
import dev.warden.policy.SecondFactor;
import dev.warden.policy.Site;
import dev.warden.policy.SiteId;
import dev.warden.policy.ThreatLevel;
import dev.warden.policy.WeeklyWindow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Verifies that free-access doors get UNLOCK (until the window ends, at most an hour, renewed before it runs out) at
 * the opening edge of their schedule and LOCK at the closing edge, their current state at start-up and when their
 * agent comes back, a retry after a failed send, and LOCK when free access is removed; that a lockdown (site, area,
 * enclosing area) or a raised threat level at a threat-marked door LOCKs an unlocked door at once (an index swap
 * triggers the check) and the door unlocks again only when the condition is gone; that a restart during a lockdown
 * sends LOCK, never UNLOCK; that a door moved to another agent is LOCKed at the old one; and that the ledger of
 * outstanding unlocks makes a restart LOCK doors whose free access ended while the controller was down — driven by
 * a hand-set clock.
 */
class FreeAccessSchedulerTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Duration INTERVAL = Duration.ofSeconds(5);
    /** Monday 2026-03-02. */
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    static final LocalDate HOLIDAY = LocalDate.of(2026, 3, 3);
    static final LocalDate SHORT_DAY = LocalDate.of(2026, 3, 4);

    record Sent(String agent, DoorCommand command) {}

    final List<Sent> sent = new ArrayList<>();
    final Set<String> online = new HashSet<>(Set.of("agent-1"));
    final AtomicReference<IndexView> view = new AtomicReference<>(view(true));
    final MutableClock clock = new MutableClock(at(MONDAY, "06:59:30"));
    final MemoryLedger ledger = new MemoryLedger();
    boolean failing;
    final SendDoorCommand commands = (agent, command) -> {
        if (failing) {
            throw new IllegalStateException("broker unreachable");
        }
        synchronized (sent) {
            sent.add(new Sent(agent, command));
        }
    };
    FreeAccessScheduler scheduler = newScheduler(INTERVAL);

    FreeAccessScheduler newScheduler(Duration interval) {
        return new FreeAccessScheduler(view::get, () -> Set.copyOf(online), commands, clock, interval, ledger);
    }

    /** The ledger as the database keeps it across restarts (shared by every scheduler of a test). */
    static final class MemoryLedger implements FreeAccessLedger {
        final Map<String, Unlock> rows = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public List<Unlock> outstanding() {
            return List.copyOf(rows.values());
        }

        @Override
        public void unlocked(String doorId, String agentId, Instant until) {
            rows.put(doorId + "@" + agentId, new Unlock(doorId, agentId, until));
        }

        @Override
        public void locked(String doorId, String agentId) {
            rows.remove(doorId + "@" + agentId);
        }
    }

    /** The lobby door's conditions: which agent serves it and what holds it locked. */
    record Conditions(boolean freeAccess, String agent, boolean siteLocked, boolean areaLocked,
                      boolean buildingLocked, ThreatLevel threat, boolean threatMarked) {
        static Conditions normal() {
            return new Conditions(true, "agent-1", false, false, false, ThreatLevel.NORMAL, true);
        }
    }

    static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(BERLIN).toInstant();
    }

    static IndexView view(boolean freeAccess) {
        Conditions normal = Conditions.normal();
        return view(new Conditions(freeAccess, normal.agent(), false, false, false, ThreatLevel.NORMAL, false));
    }

    /**
     * Door "lobby" (free access Mon–Fri 07:00–19:00, closed on a holiday, 07:00–07:30 on SHORT_DAY) into area
     * "lobby-area" inside "building" of site S.
     */
    static IndexView view(Conditions c) {
        boolean freeAccess = c.freeAccess();
        List<WeeklyWindow> weekdays = new ArrayList<>();
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            weekdays.add(new WeeklyWindow(d, LocalTime.of(7, 0), LocalTime.of(19, 0)));
        }
        Schedule hours = new Schedule(new ScheduleId("lobby-hours"), BERLIN, weekdays, List.of(), Set.of(HOLIDAY),
                Map.of(SHORT_DAY, List.of(new DayWindow(LocalTime.of(7, 0), LocalTime.of(7, 30)))));
        SiteId site = new SiteId("S");
        AccessSnapshot snapshot = AccessSnapshot.builder(1)
                .sites(List.of(new Site(site, BERLIN, c.threat(), c.siteLocked(), Duration.ofSeconds(30), 2)))
                .areas(List.of(
                        new Area(new AreaId("building"), site, null, "Building", false, c.buildingLocked(),
                                AntiPassback.NONE, null, null),
                        new Area(new AreaId("lobby-area"), site, new AreaId("building"), "Lobby", false,
                                c.areaLocked(), AntiPassback.NONE, null, null)))
                .schedules(List.of(hours))
                .doors(List.of(
                        new Door(new DoorId("lobby"), new AreaId("lobby-area"), "Lobby", SecondFactor.NONE,
                                PortalKind.DOOR, freeAccess ? new ScheduleId("lobby-hours") : null,
                                c.threatMarked()),
                        new Door(new DoorId("standalone"), new AreaId("lobby-area"), "Gate", SecondFactor.NONE,
                                PortalKind.GATE, new ScheduleId("lobby-hours"), false),
                        new Door(new DoorId("plain"), new AreaId("lobby-area"), "Plain")))
                .build();
        return new IndexView(snapshot, Map.of(), Map.of(), Map.of(), Instant.EPOCH,
                Map.of("lobby", c.agent(), "plain", "agent-1"));
    }

    private List<Sent> tickAt(Instant instant) {
        clock.set(instant);
        sent.clear();
        scheduler.tick();
        return List.copyOf(sent);
    }

    private static DoorCommand.Action action(Sent s) {
        return s.command().action();
    }

    @Test
    void aLockdownOrARaisedThreatLocksAnUnlockedDoorAndItUnlocksOnlyWhenTheConditionIsGone() {
        view.set(view(Conditions.normal()));
        assertThat(tickAt(at(MONDAY, "09:00:00"))).singleElement().extracting(FreeAccessSchedulerTest::action)
                .isEqualTo(DoorCommand.Action.UNLOCK);
        Conditions n = Conditions.normal();
        List<Conditions> holding = List.of(
                new Conditions(true, "agent-1", true, false, false, ThreatLevel.NORMAL, true),
                new Conditions(true, "agent-1", false, true, false, ThreatLevel.NORMAL, true),
                new Conditions(true, "agent-1", false, false, true, ThreatLevel.NORMAL, true),
                new Conditions(true, "agent-1", false, false, false, ThreatLevel.ELEVATED, true),
                new Conditions(true, "agent-1", false, false, false, ThreatLevel.SEVERE, true));
        Instant t = at(MONDAY, "09:00:05");
        for (Conditions c : holding) {
            view.set(view(c));
            assertThat(tickAt(t)).as("held by %s", c).singleElement().satisfies(s -> {
                assertThat(s.agent()).isEqualTo("agent-1");
                assertThat(s.command().doorId()).isEqualTo("lobby");
                assertThat(action(s)).isEqualTo(DoorCommand.Action.LOCK);
            });
            assertThat(tickAt(t = t.plusSeconds(5))).as("stays locked, never renewed: %s", c).isEmpty();
            assertThat(tickAt(t = t.plus(Duration.ofMinutes(70)))).as("still held past the unlock's hour: %s", c).isEmpty();
            view.set(view(n));
            assertThat(tickAt(t = t.plusSeconds(5))).as("condition gone, window open: unlocked again")
                    .singleElement().extracting(FreeAccessSchedulerTest::action).isEqualTo(DoorCommand.Action.UNLOCK);
            t = t.plusSeconds(5);
        }
        view.set(view(new Conditions(true, "agent-1", false, false, false, ThreatLevel.SEVERE, false)));
        assertThat(tickAt(t)).as("a raised threat level does not hold an unmarked door").isEmpty();
    }

    @Test
    void aLiftedLockdownOutsideTheWindowLeavesTheDoorLocked() {
        view.set(view(new Conditions(true, "agent-1", true, false, false, ThreatLevel.NORMAL, true)));
        assertThat(tickAt(at(MONDAY, "18:59:00"))).singleElement().extracting(FreeAccessSchedulerTest::action)
                .isEqualTo(DoorCommand.Action.LOCK);
        view.set(view(Conditions.normal()));
        assertThat(tickAt(at(MONDAY, "19:00:05"))).as("lifted after the window closed: nothing to open").isEmpty();
    }

    @Test
    void anIndexSwapTriggersACheckAtOnce() {
        scheduler = newScheduler(Duration.ofHours(1));
        view.set(view(Conditions.normal()));
        clock.set(at(MONDAY, "09:00:00"));
        scheduler.start();
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                synchronized (sent) {
                    assertThat(sent).extracting(FreeAccessSchedulerTest::action).containsExactly(DoorCommand.Action.UNLOCK);
                }
            });
            view.set(view(new Conditions(true, "agent-1", false, true, false, ThreatLevel.NORMAL, true)));
            scheduler.indexSwapped();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                synchronized (sent) {
                    assertThat(sent).extracting(FreeAccessSchedulerTest::action)
                            .as("the lockdown locks the door long before the next hourly check")
                            .containsExactly(DoorCommand.Action.UNLOCK, DoorCommand.Action.LOCK);
                }
            });
        } finally {
            scheduler.stop();
        }
    }

    @Test
    void aRestartDuringALockdownSendsLockNeverUnlock() {
        view.set(view(Conditions.normal()));
        assertThat(tickAt(at(MONDAY, "09:00:00"))).extracting(FreeAccessSchedulerTest::action)
                .containsExactly(DoorCommand.Action.UNLOCK);
        view.set(view(new Conditions(true, "agent-1", true, false, false, ThreatLevel.NORMAL, true)));
        scheduler = newScheduler(INTERVAL); // the controller restarts while the site is locked down
        List<Sent> afterRestart = tickAt(at(MONDAY, "09:10:00"));
        assertThat(afterRestart).isNotEmpty().allSatisfy(s -> {
            assertThat(s.command().doorId()).isEqualTo("lobby");
            assertThat(action(s)).isEqualTo(DoorCommand.Action.LOCK);
        });
        assertThat(ledger.rows).as("no unlock outstanding").isEmpty();
    }

    @Test
    void aDoorMovedToAnotherAgentIsLockedAtTheOldOne() {
        view.set(view(Conditions.normal()));
        tickAt(at(MONDAY, "09:00:00"));
        online.add("agent-2");
        view.set(view(new Conditions(true, "agent-2", false, false, false, ThreatLevel.NORMAL, true)));
        List<Sent> moved = tickAt(at(MONDAY, "09:00:05"));
        assertThat(moved).containsExactlyInAnyOrder(
                moved.stream().filter(s -> s.agent().equals("agent-2") && action(s) == DoorCommand.Action.UNLOCK)
                        .findFirst().orElseThrow(() -> new AssertionError("no UNLOCK at agent-2: " + moved)),
                moved.stream().filter(s -> s.agent().equals("agent-1") && action(s) == DoorCommand.Action.LOCK)
                        .findFirst().orElseThrow(() -> new AssertionError("no LOCK at agent-1: " + moved)));
        assertThat(tickAt(at(MONDAY, "09:00:10"))).isEmpty();
        assertThat(ledger.rows.keySet()).containsExactly("lobby@agent-2");
    }

    @Test
    void aFailedLockAtTheOldAgentIsRetried() {
        view.set(view(Conditions.normal()));
        tickAt(at(MONDAY, "09:00:00"));
        view.set(view(new Conditions(false, "agent-1", false, false, false, ThreatLevel.NORMAL, true)));
        failing = true;
        assertThat(tickAt(at(MONDAY, "09:00:05"))).isEmpty();
        failing = false;
        assertThat(tickAt(at(MONDAY, "09:00:10"))).singleElement().satisfies(s -> {
            assertThat(s.agent()).isEqualTo("agent-1");
            assertThat(action(s)).isEqualTo(DoorCommand.Action.LOCK);
        });
        assertThat(ledger.rows).isEmpty();
    }

    @Test
    void aRestartLocksDoorsWhoseFreeAccessEndedOrMovedWhileTheControllerWasDown() {
        view.set(view(Conditions.normal()));
        tickAt(at(MONDAY, "09:00:00"));
        assertThat(ledger.rows.keySet()).containsExactly("lobby@agent-1");

        // while down: free access removed from the lobby
        view.set(view(new Conditions(false, "agent-1", false, false, false, ThreatLevel.NORMAL, true)));
        scheduler = newScheduler(INTERVAL);
        assertThat(tickAt(at(MONDAY, "09:20:00"))).singleElement().satisfies(s -> {
            assertThat(s.agent()).isEqualTo("agent-1");
            assertThat(s.command().doorId()).isEqualTo("lobby");
            assertThat(action(s)).isEqualTo(DoorCommand.Action.LOCK);
        });
        assertThat(ledger.rows).isEmpty();

        // unlocked again, then moved to agent-2 while down
        view.set(view(Conditions.normal()));
        tickAt(at(MONDAY, "09:30:00"));
        online.add("agent-2");
        view.set(view(new Conditions(true, "agent-2", false, false, false, ThreatLevel.NORMAL, true)));
        scheduler = newScheduler(INTERVAL);
        List<Sent> restart = tickAt(at(MONDAY, "09:40:00"));
        assertThat(restart).anySatisfy(s -> {
            assertThat(s.agent()).isEqualTo("agent-1");
            assertThat(action(s)).isEqualTo(DoorCommand.Action.LOCK);
        }).anySatisfy(s -> {
            assertThat(s.agent()).isEqualTo("agent-2");
            assertThat(action(s)).isEqualTo(DoorCommand.Action.UNLOCK);
        }).hasSize(2);
    }

    @Test
    void locksAtStartUpUnlocksAtTheOpeningEdgeRenewsAndLocksAtTheClosingEdge() {
        assertThat(tickAt(at(MONDAY, "06:59:30"))).as("start-up before the window: its current state")
                .singleElement().satisfies(s -> {
                    assertThat(s.agent()).isEqualTo("agent-1");
                    assertThat(s.command().doorId()).isEqualTo("lobby");
                    assertThat(s.command().action()).isEqualTo(DoorCommand.Action.LOCK);
                });
        assertThat(tickAt(at(MONDAY, "06:59:59"))).as("a second before the edge: nothing").isEmpty();

        List<Sent> opening = tickAt(at(MONDAY, "07:00:00"));
        assertThat(opening).singleElement().satisfies(s -> {
            assertThat(s.command().action()).isEqualTo(DoorCommand.Action.UNLOCK);
            assertThat(s.command().durationMs()).as("a 12 h window: the longest unlock, renewed later")
                    .isEqualTo(DoorCommand.MAX_DURATION_MS);
        });
        assertThat(tickAt(at(MONDAY, "07:30:00"))).isEmpty();
        assertThat(tickAt(at(MONDAY, "07:59:44"))).as("more than 3 checks left on the unlock").isEmpty();
        assertThat(tickAt(at(MONDAY, "07:59:45"))).as("renewed before the unlock runs out").singleElement()
                .satisfies(s -> assertThat(s.command().action()).isEqualTo(DoorCommand.Action.UNLOCK));

        assertThat(tickAt(at(MONDAY, "18:30:00"))).as("the last renewal ends with the window").singleElement()
                .satisfies(s -> assertThat(s.command().durationMs()).isEqualTo(Duration.ofMinutes(30).toMillis()));
        assertThat(tickAt(at(MONDAY, "18:59:59"))).as("the unlock ends with the window: no renewal").isEmpty();
        assertThat(tickAt(at(MONDAY, "19:00:00"))).singleElement()
                .satisfies(s -> assertThat(s.command().action()).isEqualTo(DoorCommand.Action.LOCK));
        assertThat(tickAt(at(MONDAY, "19:00:05"))).as("locked once").isEmpty();
    }

    @Test
    void aShortExceptionWindowUnlocksExactlyUntilItsEndAndAHolidayStaysLocked() {
        tickAt(at(SHORT_DAY, "06:00:00"));
        assertThat(tickAt(at(SHORT_DAY, "07:00:02"))).singleElement().satisfies(s -> {
            assertThat(s.command().action()).isEqualTo(DoorCommand.Action.UNLOCK);
            assertThat(s.command().durationMs()).isEqualTo(Duration.ofMinutes(30).minusSeconds(2).toMillis());
        });
        assertThat(tickAt(at(SHORT_DAY, "07:29:59"))).isEmpty();
        assertThat(tickAt(at(SHORT_DAY, "07:30:01"))).singleElement()
                .satisfies(s -> assertThat(s.command().action()).isEqualTo(DoorCommand.Action.LOCK));

        tickAt(at(HOLIDAY, "06:00:00"));
        assertThat(tickAt(at(HOLIDAY, "12:00:00"))).as("closed all day on a holiday").isEmpty();
    }

    @Test
    void aFailedSendIsRetriedAtTheNextCheck() {
        failing = true;
        assertThat(tickAt(at(MONDAY, "08:00:00"))).isEmpty();
        failing = false;
        assertThat(tickAt(at(MONDAY, "08:00:05"))).singleElement()
                .satisfies(s -> assertThat(s.command().action()).isEqualTo(DoorCommand.Action.UNLOCK));
        assertThat(tickAt(at(MONDAY, "08:00:10"))).isEmpty();
    }

    @Test
    void anAgentComingBackGetsTheCurrentStateAgain() {
        tickAt(at(MONDAY, "08:00:00"));
        online.clear();
        assertThat(tickAt(at(MONDAY, "08:00:05"))).isEmpty();
        online.add("agent-1");
        assertThat(tickAt(at(MONDAY, "08:00:10"))).singleElement().satisfies(s -> {
            assertThat(s.command().action()).isEqualTo(DoorCommand.Action.UNLOCK);
            assertThat(s.command().durationMs()).isEqualTo(Duration.ofMinutes(60).toMillis());
        });
    }

    @Test
    void removingFreeAccessFromAnUnlockedDoorLocksItOnce() {
        assertThat(tickAt(at(MONDAY, "09:00:00"))).hasSize(1);
        view.set(view(false));
        assertThat(tickAt(at(MONDAY, "09:00:05"))).singleElement().satisfies(s -> {
            assertThat(s.command().doorId()).isEqualTo("lobby");
            assertThat(s.command().action()).isEqualTo(DoorCommand.Action.LOCK);
        });
        assertThat(tickAt(at(MONDAY, "09:00:10"))).isEmpty();
    }

    @Test
    void theWindowEndIsTheFirstClosedMinuteWithinAnHour() {
        Schedule hours = view.get().snapshot().schedule(new ScheduleId("lobby-hours")).orElseThrow();
        assertThat(FreeAccessScheduler.windowEnd(hours, at(MONDAY, "18:10:30"))).isEqualTo(at(MONDAY, "19:00:00"));
        assertThat(FreeAccessScheduler.windowEnd(hours, at(MONDAY, "10:10:30")))
                .isEqualTo(at(MONDAY, "11:10:30"));
    }
}
