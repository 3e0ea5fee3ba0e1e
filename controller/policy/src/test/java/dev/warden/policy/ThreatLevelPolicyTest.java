package dev.warden.policy;

import static dev.warden.policy.EngineWorld.BOB;
import static dev.warden.policy.EngineWorld.CAGE_A;
import static dev.warden.policy.EngineWorld.CAGE_DOOR;
import static dev.warden.policy.EngineWorld.HALL_1_DOOR;
import static dev.warden.policy.EngineWorld.T0;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Verifies rule 8 (threat level against clearance at marked doors) for every level and clearance. */
class ThreatLevelPolicyTest {

    private final AccessPolicy policy = new AccessPolicy();

    private static EngineWorld world(ThreatLevel threat, int clearance) {
        EngineWorld world = new EngineWorld()
                .door(new Door(CAGE_DOOR, CAGE_A, "Cage A", SecondFactor.NONE, PortalKind.DOOR, null, true))
                .editPerson(BOB, p -> new Person(p.id(), p.displayName(), p.kind(), p.status(), clearance, false,
                        false, null, null));
        Site s = world.site;
        return world.site(new Site(s.id(), s.zone(), threat, false, s.escortWindow(), s.maxVisitorsPerEscort()));
    }

    @Test
    void aMarkedDoorNeedsClearanceAtLeastTheThreatOrdinal() {
        for (ThreatLevel threat : ThreatLevel.values()) {
            for (int clearance = 0; clearance <= Person.MAX_CLEARANCE; clearance++) {
                String reason = policy.decide(EngineWorld.entry(BOB, CAGE_DOOR, T0), world(threat, clearance).snapshot())
                        .reasonCode();
                boolean passes = threat == ThreatLevel.NORMAL || clearance >= threat.ordinal();
                assertThat(reason).as("%s with clearance %d", threat, clearance)
                        .isEqualTo(passes ? "GRANTED" : "THREAT_LEVEL");
            }
        }
    }

    @Test
    void unmarkedDoorsAndExitsIgnoreTheThreatLevel() {
        AccessSnapshot severe = world(ThreatLevel.SEVERE, 0).snapshot();
        assertThat(policy.decide(EngineWorld.entry(BOB, HALL_1_DOOR, T0), severe).granted()).isTrue();
        assertThat(policy.decide(EngineWorld.exit(BOB, CAGE_DOOR, T0), severe).granted()).isTrue();
        assertThat(policy.decide(EngineWorld.entry(BOB, CAGE_DOOR, T0), severe).reasonCode()).isEqualTo("THREAT_LEVEL");
    }

    @Test
    void clearanceIsValidatedZeroToThree() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Person(BOB, "Bob", PersonKind.EMPLOYEE,
                PersonStatus.ACTIVE, 4, false, false, null, null)).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Person(BOB, "Bob", PersonKind.EMPLOYEE,
                PersonStatus.ACTIVE, -1, false, false, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
