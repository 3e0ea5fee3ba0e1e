package dev.warden.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Verifies that the records of the model refuse invalid values at construction. */
class ModelValidationTest {

    @Test
    void idsMustBeNonBlankAndOrderByValue() {
        assertThatThrownBy(() -> PersonId.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DoorId(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new AccessLevelId("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(AccessLevelId.of("a")).isLessThan(AccessLevelId.of("b"));
        assertThat(CredentialId.of("x")).isEqualTo(new CredentialId("x"));
    }

    @Test
    void cardKeysNeedAFormatAndNonNegativeNumbers() {
        assertThatThrownBy(() -> new CardKey(" ", 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CardKey("H10301", -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CardKey("H10301", 1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new CardKey("H10301", 0, 0)).hasToString("H10301:0:0");
    }

    @Test
    void validityMayNotEndBeforeItStarts() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThatThrownBy(() -> new Credential(CredentialId.of("c"), PolicyFixtures.card(1), PersonId.of("p"),
                CredentialStatus.ACTIVE, t, t.minusNanos(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccessAssignment(PersonId.of("p"), AccessLevelId.of("l"), t, t.minusNanos(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accessLevelDoorsAreCopied() {
        Set<DoorId> doors = new HashSet<>(Set.of(PolicyFixtures.LOBBY));
        AccessLevel level = new AccessLevel(AccessLevelId.of("l"), "L", doors, ScheduleId.of("s"));
        doors.clear();
        assertThat(level.covers(PolicyFixtures.LOBBY)).isTrue();
    }

    @Test
    void decisionsRequireTheirParts() {
        assertThatThrownBy(() -> new Decision.Granted(null, CredentialId.of("c"), AccessLevelId.of("l")))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Decision.Denied(null, null, null)).isInstanceOf(NullPointerException.class);
        assertThat(Decision.Denied.of(DenyReason.UNKNOWN_DOOR).personOpt()).isEmpty();
    }

    @Test
    void fingerprintKeysNeedAModuleAndAPageInRange() {
        assertThat(new FingerprintKey("fp", 0).pageId()).isZero();
        assertThat(new FingerprintKey("fp", 65535)).hasToString("fp#65535");
        assertThatThrownBy(() -> new FingerprintKey("fp", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FingerprintKey("fp", 65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FingerprintKey(" ", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fingerprint(FingerprintId.of("f"), new FingerprintKey("fp", 1), PersonId.of("p"),
                null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void doorsRequireTheCardAloneUnlessToldOtherwise() {
        assertThat(new Door(DoorId.of("d"), AreaId.of("a"), "D").secondFactor()).isEqualTo(SecondFactor.NONE);
        assertThatThrownBy(() -> new Door(DoorId.of("d"), AreaId.of("a"), "D", null))
                .isInstanceOf(NullPointerException.class);
        assertThat(new AccessRequest(PolicyFixtures.card(1), DoorId.of("d"), Instant.EPOCH).fingerprint()).isNull();
    }
}
