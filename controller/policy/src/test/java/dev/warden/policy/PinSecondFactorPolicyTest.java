package dev.warden.policy;

import static dev.warden.policy.EngineWorld.BOB;
import static dev.warden.policy.EngineWorld.BUILDING;
import static dev.warden.policy.EngineWorld.HALL_1_DOOR;
import static dev.warden.policy.EngineWorld.MAIN;
import static dev.warden.policy.EngineWorld.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Verifies rule 9 at card + PIN doors: required, mismatch, the duress PIN, factors, exits, non-PIN doors. */
class PinSecondFactorPolicyTest {

    private static final byte[] SALT = {1, 2, 3, 4};
    private static final byte[] DURESS_SALT = {9, 8, 7};

    private final AccessPolicy policy = new AccessPolicy();

    private static EngineWorld world(boolean enrolled) {
        return new EngineWorld()
                .door(new Door(MAIN, BUILDING, "Main", SecondFactor.PIN))
                .editPerson(BOB, p -> new Person(p.id(), p.displayName(), p.kind(), p.status(), 0, false, false,
                        enrolled ? PinHash.of("4821", SALT) : null, enrolled ? PinHash.of("4822", DURESS_SALT) : null));
    }

    private static AccessRequest read(DoorId door, Direction direction, String pin) {
        return new AccessRequest(EngineWorld.card(BOB), door, direction, T0, null, pin);
    }

    @Test
    void aPinDoorNeedsThePinAndRecordsItAsAFactor() {
        AccessSnapshot snapshot = world(true).snapshot();
        assertThat(policy.decide(read(MAIN, Direction.ENTRY, null), snapshot).reasonCode()).isEqualTo("PIN_REQUIRED");
        assertThat(policy.decide(read(MAIN, Direction.ENTRY, "4820"), snapshot).reasonCode()).isEqualTo("PIN_MISMATCH");
        assertThat(policy.decide(read(MAIN, Direction.ENTRY, ""), snapshot).reasonCode()).isEqualTo("PIN_MISMATCH");
        PolicyVerdict ok = policy.evaluate(read(MAIN, Direction.ENTRY, "4821"), snapshot);
        assertThat(ok.duress()).isFalse();
        assertThat(ok.decision()).isInstanceOfSatisfying(Decision.Granted.class,
                g -> assertThat(g.factors()).isEqualTo(Set.of(Factor.CARD, Factor.PIN)));
    }

    @Test
    void theDuressPinOpensLikeThePinAndIsReportedOnlyAsDuress() {
        AccessSnapshot snapshot = world(true).snapshot();
        AccessRequest duress = read(MAIN, Direction.ENTRY, "4822");
        PolicyVerdict verdict = policy.evaluate(duress, snapshot);
        assertThat(verdict.duress()).isTrue();
        assertThat(policy.isDuress(duress, snapshot)).isTrue();
        assertThat(verdict.decision()).isEqualTo(policy.decide(read(MAIN, Direction.ENTRY, "4821"), snapshot));
        assertThat(policy.isDuress(read(MAIN, Direction.ENTRY, "4821"), snapshot)).isFalse();
        assertThat(policy.isDuress(read(MAIN, Direction.ENTRY, null), snapshot)).isFalse();
    }

    @Test
    void aDuressPinTypedAtANonPinDoorOrOnADeniedReadStillReportsDuress() {
        AccessSnapshot snapshot = world(true).snapshot();
        PolicyVerdict atHall = policy.evaluate(read(HALL_1_DOOR, Direction.ENTRY, "4822"), snapshot);
        assertThat(atHall.duress()).isTrue();
        assertThat(atHall.decision().granted()).isTrue();
        AccessSnapshot suspended = world(true).status(BOB, PersonStatus.SUSPENDED).snapshot();
        PolicyVerdict denied = policy.evaluate(read(MAIN, Direction.ENTRY, "4822"), suspended);
        assertThat(denied.decision().reasonCode()).isEqualTo("PERSON_SUSPENDED");
        assertThat(denied.duress()).isTrue();
    }

    @Test
    void aHolderWithoutAnEnrolledPinCanNeverPassAPinDoor() {
        AccessSnapshot snapshot = world(false).snapshot();
        assertThat(policy.decide(read(MAIN, Direction.ENTRY, "4821"), snapshot).reasonCode()).isEqualTo("PIN_MISMATCH");
        assertThat(policy.decide(read(MAIN, Direction.ENTRY, null), snapshot).reasonCode()).isEqualTo("PIN_REQUIRED");
    }

    @Test
    void anExitNeedsTheCardOnlyButAMatchingPinIsStillAFactor() {
        AccessSnapshot snapshot = world(true).snapshot();
        assertThat(policy.decide(read(MAIN, Direction.EXIT, null), snapshot)).isInstanceOfSatisfying(
                Decision.Granted.class, g -> assertThat(g.factors()).isEqualTo(Set.of(Factor.CARD)));
        assertThat(policy.decide(read(MAIN, Direction.EXIT, "0000"), snapshot).granted()).isTrue();
        assertThat(policy.decide(read(MAIN, Direction.EXIT, "4821"), snapshot)).isInstanceOfSatisfying(
                Decision.Granted.class, g -> assertThat(g.factors()).containsExactlyInAnyOrder(Factor.CARD, Factor.PIN));
    }

    @Test
    void aWrongPinAtANonPinDoorIsIgnored() {
        AccessSnapshot snapshot = world(true).snapshot();
        assertThat(policy.decide(read(HALL_1_DOOR, Direction.ENTRY, "0000"), snapshot)).isInstanceOfSatisfying(
                Decision.Granted.class, g -> assertThat(g.factors()).isEqualTo(Set.of(Factor.CARD)));
    }

    @Test
    void theOldFourArgumentCheckKeepsWorkingAtAPinDoor() {
        AccessSnapshot snapshot = world(true).snapshot();
        Credential credential = snapshot.credentialFor(EngineWorld.card(BOB)).orElseThrow();
        Door main = snapshot.door(MAIN).orElseThrow();
        assertThat(new SecondFactorPolicy().check(credential, main, null, snapshot))
                .hasValueSatisfying(d -> assertThat(d.reason()).isEqualTo(DenyReason.PIN_REQUIRED));
        assertThat(new SecondFactorPolicy().check(credential, main, Direction.ENTRY, null, "4821", snapshot)).isEmpty();
    }
}
