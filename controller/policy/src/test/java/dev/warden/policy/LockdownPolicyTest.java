package dev.warden.policy;

import static dev.warden.policy.EngineWorld.BOB;
import static dev.warden.policy.EngineWorld.BUILDING;
import static dev.warden.policy.EngineWorld.CAGE_DOOR;
import static dev.warden.policy.EngineWorld.HALL_1;
import static dev.warden.policy.EngineWorld.HALL_1_DOOR;
import static dev.warden.policy.EngineWorld.HALL_2_DOOR;
import static dev.warden.policy.EngineWorld.MAIN;
import static dev.warden.policy.EngineWorld.T0;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Verifies rule 7 (lockdown of an area, its ancestors or the site; exemption; exits never denied). */
class LockdownPolicyTest {

    private final AccessPolicy policy = new AccessPolicy();

    private static EngineWorld lockArea(AreaId id) {
        return new EngineWorld().editArea(id, a -> new Area(a.id(), a.site(), a.parent(), a.name(), a.restricted(), true,
                a.antiPassback(), a.passbackReentry(), a.twoPersonWindow()));
    }

    private String decide(EngineWorld world, AccessRequest request) {
        return policy.decide(request, world.snapshot()).reasonCode();
    }

    @Test
    void aLockedDownAreaDeniesEntryIntoItAndEverythingNestedButNotItsSiblingsOrParent() {
        EngineWorld world = lockArea(HALL_1);
        assertThat(decide(world, EngineWorld.entry(BOB, HALL_1_DOOR, T0))).isEqualTo("LOCKDOWN");
        assertThat(decide(world, EngineWorld.entry(BOB, CAGE_DOOR, T0))).isEqualTo("LOCKDOWN");
        assertThat(decide(world, EngineWorld.entry(BOB, HALL_2_DOOR, T0))).isEqualTo("GRANTED");
        assertThat(decide(world, EngineWorld.entry(BOB, MAIN, T0))).isEqualTo("GRANTED");
    }

    @Test
    void aSiteLockdownDeniesEveryEntry() {
        EngineWorld world = new EngineWorld();
        Site s = world.site;
        world.site(new Site(s.id(), s.zone(), s.threat(), true, s.escortWindow(), s.maxVisitorsPerEscort()));
        for (DoorId door : new DoorId[] {MAIN, HALL_1_DOOR, HALL_2_DOOR, CAGE_DOOR}) {
            assertThat(decide(world, EngineWorld.entry(BOB, door, T0))).as("%s", door).isEqualTo("LOCKDOWN");
        }
    }

    @Test
    void exitsAreNeverDeniedByLockdown() {
        EngineWorld world = lockArea(BUILDING);
        assertThat(decide(world, EngineWorld.exit(BOB, HALL_1_DOOR, T0))).isEqualTo("GRANTED");
        assertThat(decide(world, EngineWorld.exit(BOB, MAIN, T0))).isEqualTo("GRANTED");
    }

    @Test
    void lockdownExemptPeoplePass() {
        EngineWorld world = lockArea(BUILDING).editPerson(BOB, p -> new Person(p.id(), p.displayName(), p.kind(),
                p.status(), p.clearance(), p.mayEscort(), true, null, null));
        assertThat(decide(world, EngineWorld.entry(BOB, CAGE_DOOR, T0))).isEqualTo("GRANTED");
        assertThat(decide(world, EngineWorld.entry(EngineWorld.CAROL, CAGE_DOOR, T0))).isEqualTo("LOCKDOWN");
    }

    @Test
    void lockdownComesAfterTheVisitRuleAndBeforeTheSecondFactor() {
        EngineWorld world = lockArea(BUILDING).door(new Door(MAIN, BUILDING, "Main", SecondFactor.PIN));
        assertThat(decide(world, EngineWorld.entry(BOB, MAIN, T0))).as("no PIN typed").isEqualTo("LOCKDOWN");
        world.visits.clear();
        assertThat(decide(world, EngineWorld.entry(EngineWorld.VIC, MAIN, T0))).isEqualTo("NO_ACTIVE_VISIT");
    }
}
