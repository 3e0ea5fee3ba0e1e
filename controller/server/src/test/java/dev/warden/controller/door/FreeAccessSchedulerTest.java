package dev.warden.controller.door;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.contract.DoorCommand;
import dev.warden.controller.MutableClock;
import dev.warden.controller.decision.IndexView;
import dev.warden.policy.AccessSnapshot;
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
 * agent comes back, a retry after a failed send, and LOCK when free access is removed — driven by a hand-set clock.
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
    boolean failing;
    final FreeAccessScheduler scheduler = new FreeAccessScheduler(view::get, () -> Set.copyOf(online),
            (agent, command) -> {
                if (failing) {
                    throw new IllegalStateException("broker unreachable");
                }
                sent.add(new Sent(agent, command));
            }, clock, INTERVAL);

    static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(BERLIN).toInstant();
    }

    /** Door "lobby" of agent-1 (free access Mon–Fri 07:00–19:00, closed on a holiday, 07:00–07:30 on SHORT_DAY). */
    static IndexView view(boolean freeAccess) {
        List<WeeklyWindow> weekdays = new ArrayList<>();
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            weekdays.add(new WeeklyWindow(d, LocalTime.of(7, 0), LocalTime.of(19, 0)));
        }
        Schedule hours = new Schedule(new ScheduleId("lobby-hours"), BERLIN, weekdays, List.of(), Set.of(HOLIDAY),
                Map.of(SHORT_DAY, List.of(new DayWindow(LocalTime.of(7, 0), LocalTime.of(7, 30)))));
        SiteId site = new SiteId("S");
        AccessSnapshot snapshot = AccessSnapshot.builder(1)
                .sites(List.of(new Site(site, BERLIN, ThreatLevel.NORMAL, false, Duration.ofSeconds(30), 2)))
                .areas(List.of(Area.root(new AreaId("lobby-area"), site, "Lobby")))
                .schedules(List.of(hours))
                .doors(List.of(
                        new Door(new DoorId("lobby"), new AreaId("lobby-area"), "Lobby", SecondFactor.NONE,
                                PortalKind.DOOR, freeAccess ? new ScheduleId("lobby-hours") : null, false),
                        new Door(new DoorId("standalone"), new AreaId("lobby-area"), "Gate", SecondFactor.NONE,
                                PortalKind.GATE, new ScheduleId("lobby-hours"), false),
                        new Door(new DoorId("plain"), new AreaId("lobby-area"), "Plain")))
                .build();
        return new IndexView(snapshot, Map.of(), Map.of(), Map.of(), Instant.EPOCH,
                Map.of("lobby", "agent-1", "plain", "agent-1"));
    }

    private List<Sent> tickAt(Instant instant) {
        clock.set(instant);
        sent.clear();
        scheduler.tick();
        return List.copyOf(sent);
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
