package dev.warden.policy;

import static dev.warden.policy.PolicyFixtures.DATA_HALL;
import static dev.warden.policy.PolicyFixtures.LOBBY;
import static dev.warden.policy.PolicyFixtures.UNKNOWN_DOOR;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DoorKnownPolicyTest {

    private final DoorKnownPolicy rule = new DoorKnownPolicy();
    private final AccessSnapshot site = PolicyFixtures.site().build();

    @Test
    void doorsOfTheSitePass() {
        assertThat(rule.check(LOBBY, site)).isEmpty();
        assertThat(rule.check(DATA_HALL, site)).isEmpty();
    }

    @Test
    void aDoorNotInTheSnapshotIsDeniedWithoutNamingAnyone() {
        assertThat(rule.check(UNKNOWN_DOOR, site)).contains(Decision.Denied.of(DenyReason.UNKNOWN_DOOR));
        assertThat(rule.check(LOBBY, AccessSnapshot.empty())).contains(Decision.Denied.of(DenyReason.UNKNOWN_DOOR));
    }

    @Test
    void doorIdsMatchExactly() {
        assertThat(rule.check(DoorId.of("DOOR-LOBBY"), site)).isPresent();
        assertThat(rule.check(DoorId.of("door-lobby "), site)).isPresent();
    }
}
