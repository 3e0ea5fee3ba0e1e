package dev.warden.policy;

import static dev.warden.policy.PolicyFixtures.DATA_HALL_OFFICE_HOURS;
import static dev.warden.policy.PolicyFixtures.LOBBY;
import static dev.warden.policy.PolicyFixtures.LOBBY_ALWAYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessSnapshotTest {

    private static final Person ANA = new Person(PersonId.of("ana"), "Ana", PersonKind.EMPLOYEE, PersonStatus.ACTIVE);

    @Test
    void looksUpEverythingByKey() {
        PolicyFixtures.Scenario employee = PolicyFixtures.employeeWithDataHallAccess();
        AccessSnapshot snapshot = employee.snapshot();
        assertThat(snapshot.version()).isEqualTo(1);
        assertThat(snapshot.credentialFor(new CardKey("H10301", 1, 1001))).contains(employee.credential());
        assertThat(snapshot.credentialFor(new CardKey("H10301", 1, 1002))).isEmpty();
        assertThat(snapshot.person(employee.person().id())).contains(employee.person());
        assertThat(snapshot.door(LOBBY)).hasValueSatisfying(d -> assertThat(d.name()).isEqualTo("Lobby"));
        assertThat(snapshot.schedule(PolicyFixtures.ALWAYS)).isPresent();
        assertThat(snapshot.schedule(PolicyFixtures.MISSING_SCHEDULE)).isEmpty();
        assertThat(snapshot.level(LOBBY_ALWAYS)).hasValueSatisfying(l -> assertThat(l.covers(LOBBY)).isTrue());
        assertThat(snapshot.credentialCount()).isEqualTo(1);
        assertThat(snapshot.persons()).containsExactly(employee.person());
    }

    @Test
    void assignmentsOfAPersonAreSortedByLevelId() {
        AccessSnapshot snapshot = PolicyFixtures.site().person(ANA)
                .assignment(AccessAssignment.permanent(ANA.id(), LOBBY_ALWAYS))
                .assignment(AccessAssignment.permanent(ANA.id(), DATA_HALL_OFFICE_HOURS))
                .assignment(AccessAssignment.permanent(ANA.id(), PolicyFixtures.DATA_HALL_NEVER))
                .build();
        assertThat(snapshot.assignmentsOf(ANA.id())).extracting(AccessAssignment::level)
                .containsExactly(PolicyFixtures.DATA_HALL_NEVER, DATA_HALL_OFFICE_HOURS, LOBBY_ALWAYS);
        assertThat(snapshot.assignmentsOf(PersonId.of("nobody"))).isEmpty();
    }

    @Test
    void twoCredentialsForTheSameCardAreRejectedNamingTheCard() {
        PolicyFixtures.SiteBuilder site = PolicyFixtures.site().person(ANA)
                .credential(credential("c1", 77)).credential(credential("c2", 77));
        assertThatThrownBy(site::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("H10301:1:77");
    }

    @Test
    void duplicateIdsAreRejectedNamingTheId() {
        assertThatThrownBy(() -> PolicyFixtures.site().person(ANA).person(ANA).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate person ana");
        assertThatThrownBy(() -> PolicyFixtures.site().person(ANA)
                .credential(credential("c1", 1)).credential(credential("c1", 2)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate credential c1");
        assertThatThrownBy(() -> PolicyFixtures.site().door(new Door(LOBBY, AreaId.of("a"), "Again")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("door-lobby");
        assertThatThrownBy(() -> PolicyFixtures.site()
                .level(new AccessLevel(LOBBY_ALWAYS, "Again", Set.of(), PolicyFixtures.ALWAYS)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("level-lobby");
        assertThatThrownBy(() -> PolicyFixtures.site()
                .schedule(new Schedule(PolicyFixtures.ALWAYS, PolicyFixtures.SITE_ZONE, List.of())).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sched-always");
    }

    @Test
    void danglingPersonReferencesAreRejected() {
        assertThatThrownBy(() -> PolicyFixtures.site().credential(credential("c1", 1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holder ana");
        assertThatThrownBy(() -> PolicyFixtures.site()
                .assignment(AccessAssignment.permanent(ANA.id(), LOBBY_ALWAYS)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("person ana");
    }

    @Test
    void negativeVersionAndNullsAreRejected() {
        assertThatThrownBy(() -> PolicyFixtures.site().version(-1).build())
                .isInstanceOf(IllegalArgumentException.class);
        List<Person> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> AccessSnapshot.of(1, withNull, List.of(), List.of(), List.of(), List.of(), List.of()))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void inputCollectionsAreCopied() {
        List<Person> persons = new ArrayList<>(List.of(ANA));
        AccessSnapshot snapshot = AccessSnapshot.of(3, persons, List.of(), List.of(), List.of(), List.of(), List.of());
        persons.clear();
        assertThat(snapshot.person(ANA.id())).contains(ANA);
        assertThat(snapshot.persons()).containsExactly(ANA);
        assertThatThrownBy(() -> snapshot.persons().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void emptyKnowsNothing() {
        AccessSnapshot empty = AccessSnapshot.empty();
        assertThat(empty.version()).isZero();
        assertThat(empty.credentialCount()).isZero();
        assertThat(empty.door(LOBBY)).isEmpty();
        assertThat(empty.assignmentsOf(ANA.id())).isEmpty();
    }

    private static Credential credential(String id, long number) {
        return new Credential(CredentialId.of(id), PolicyFixtures.card(number), ANA.id(), CredentialStatus.ACTIVE,
                null, null);
    }

    @Test
    void fingerprintsAreLookedUpByModuleAndPageAndValidated() {
        Fingerprint f = new Fingerprint(FingerprintId.of("f1"), PolicyFixtures.finger(1), ANA.id(),
                FingerprintStatus.REVOKED);
        AccessSnapshot snapshot = PolicyFixtures.site().person(ANA).fingerprint(f).build();
        assertThat(snapshot.fingerprintFor(PolicyFixtures.finger(1))).contains(f);
        assertThat(snapshot.fingerprintFor(PolicyFixtures.finger(2))).isEmpty();
        assertThat(snapshot.fingerprintFor(new FingerprintKey("other-module", 1))).isEmpty();
        assertThat(snapshot.fingerprints()).containsExactly(f);
        assertThat(snapshot.toString()).contains("fingerprints=1");
        assertThat(AccessSnapshot.empty().fingerprints()).isEmpty();

        assertThatThrownBy(() -> PolicyFixtures.site().person(ANA).fingerprint(f)
                .fingerprint(new Fingerprint(FingerprintId.of("f2"), PolicyFixtures.finger(1), ANA.id(),
                        FingerprintStatus.ACTIVE)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fp-cage#1");
        assertThatThrownBy(() -> PolicyFixtures.site().person(ANA).fingerprint(f)
                .fingerprint(new Fingerprint(FingerprintId.of("f1"), PolicyFixtures.finger(2), ANA.id(),
                        FingerprintStatus.ACTIVE)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate fingerprint f1");
        assertThatThrownBy(() -> PolicyFixtures.site().fingerprint(f).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holder ana");
    }
}
