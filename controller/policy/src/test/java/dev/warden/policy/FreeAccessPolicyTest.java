package dev.warden.policy;

import static dev.warden.policy.EngineWorld.BOB;
import static dev.warden.policy.EngineWorld.BUILDING;
import static dev.warden.policy.EngineWorld.MAIN;
import static dev.warden.policy.EngineWorld.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verifies rule 10's free access: scheduled lobby hours grant ENTRY without a level, a second either side. */
class FreeAccessPolicyTest {

    private static final ScheduleId LOBBY_HOURS = ScheduleId.of("lobby-hours");
    /** Wednesday 2026-03-11 08:00 Berlin (07:00Z) to 18:00 (17:00Z). */
    private static final Instant OPENS = Instant.parse("2026-03-11T07:00:00Z");
    private static final Instant CLOSES = Instant.parse("2026-03-11T17:00:00Z");

    private final AccessPolicy policy = new AccessPolicy();

    private static AccessSnapshot lobbyWithFreeAccess(ScheduleId schedule) {
        EngineWorld world = new EngineWorld()
                .door(new Door(MAIN, BUILDING, "Main", SecondFactor.NONE, PortalKind.DOOR, schedule, false));
        world.schedules.add(new Schedule(LOBBY_HOURS, ZONE,
                List.of(new WeeklyWindow(DayOfWeek.WEDNESDAY, LocalTime.of(8, 0), LocalTime.of(18, 0)))));
        // Bob has no level at all: only free access can let him in
        AccessSnapshot full = world.snapshot();
        return AccessSnapshot.builder(full.version()).sites(full.sites()).areas(full.areas()).doors(full.doors())
                .persons(full.persons()).credentials(full.credentials()).schedules(full.schedules())
                .levels(full.levels()).visits(full.visits())
                .assignments(full.assignments().stream().filter(a -> !a.person().equals(BOB)).toList()).build();
    }

    private String decide(AccessSnapshot snapshot, Direction direction, Instant at) {
        AccessRequest request = new AccessRequest(EngineWorld.card(BOB), MAIN, direction, at);
        Decision decision = policy.decide(request, snapshot);
        return decision instanceof Decision.Granted g ? g.basis().name() : decision.reasonCode();
    }

    @Test
    void entryIsFreeInsideTheScheduleOnly() {
        AccessSnapshot snapshot = lobbyWithFreeAccess(LOBBY_HOURS);
        assertThat(decide(snapshot, Direction.ENTRY, OPENS.minusSeconds(1))).isEqualTo("NO_ACCESS_LEVEL");
        assertThat(decide(snapshot, Direction.ENTRY, OPENS)).isEqualTo("FREE_ACCESS");
        assertThat(decide(snapshot, Direction.ENTRY, CLOSES.minusSeconds(1))).isEqualTo("FREE_ACCESS");
        assertThat(decide(snapshot, Direction.ENTRY, CLOSES)).isEqualTo("NO_ACCESS_LEVEL");
    }

    @Test
    void exitsAndUnknownSchedulesAreNotFree() {
        assertThat(decide(lobbyWithFreeAccess(LOBBY_HOURS), Direction.EXIT, OPENS)).isEqualTo("NO_ACCESS_LEVEL");
        assertThat(decide(lobbyWithFreeAccess(ScheduleId.of("missing")), Direction.ENTRY, OPENS))
                .isEqualTo("NO_ACCESS_LEVEL");
    }

    @Test
    void freeAccessStillNeedsAValidBadgeOfAnActivePerson() {
        EngineWorld world = new EngineWorld().status(BOB, PersonStatus.TERMINATED)
                .door(new Door(MAIN, BUILDING, "Main", SecondFactor.NONE, PortalKind.DOOR, LOBBY_HOURS, false));
        world.schedules.add(new Schedule(LOBBY_HOURS, ZONE, List.of(WeeklyWindow.allDay(DayOfWeek.WEDNESDAY))));
        assertThat(policy.decide(new AccessRequest(EngineWorld.card(BOB), MAIN, OPENS), world.snapshot()).reasonCode())
                .isEqualTo("PERSON_TERMINATED");
    }
}
