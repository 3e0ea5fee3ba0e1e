package dev.warden.policy;

import static dev.warden.policy.EngineWorld.BUILDING;
import static dev.warden.policy.EngineWorld.CAGE_A;
import static dev.warden.policy.EngineWorld.HALL_1;
import static dev.warden.policy.EngineWorld.HALL_2;
import static dev.warden.policy.EngineWorld.SITE;
import static dev.warden.policy.EngineWorld.T0;
import static dev.warden.policy.EngineWorld.VIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Verifies the site model of issue 4: the snapshot builder's checks and look-ups (areas, sites, visits, nesting),
 * and the validation of the new records.
 */
class SiteModelTest {

    @Test
    void theBuilderIndexesAreasSitesAndVisits() {
        AccessSnapshot snapshot = new EngineWorld().snapshot();
        assertThat(snapshot.area(CAGE_A)).hasValueSatisfying(a -> assertThat(a.parent()).isEqualTo(HALL_1));
        assertThat(snapshot.site(SITE)).isPresent();
        assertThat(snapshot.siteOfDoor(EngineWorld.CAGE_DOOR)).hasValueSatisfying(
                s -> assertThat(s.id()).isEqualTo(SITE));
        assertThat(snapshot.siteOfDoor(DoorId.of("nowhere"))).isEmpty();
        assertThat(snapshot.areas()).hasSize(4);
        assertThat(snapshot.sites()).hasSize(1);
        assertThat(snapshot.visits()).hasSize(2);
        assertThat(snapshot.visitsOf(VIC)).extracting(Visit::id).containsExactly(VisitId.of("visit-vic"));
        assertThat(snapshot.visitsOf(EngineWorld.BOB)).isEmpty();
        assertThat(snapshot.toString()).contains("areas=4", "sites=1", "visits=2");
    }

    @Test
    void isWithinFollowsParentsOnly() {
        AccessSnapshot snapshot = new EngineWorld().snapshot();
        assertThat(snapshot.isWithin(CAGE_A, CAGE_A)).isTrue();
        assertThat(snapshot.isWithin(CAGE_A, HALL_1)).isTrue();
        assertThat(snapshot.isWithin(CAGE_A, BUILDING)).isTrue();
        assertThat(snapshot.isWithin(HALL_1, CAGE_A)).isFalse();
        assertThat(snapshot.isWithin(CAGE_A, HALL_2)).isFalse();
        assertThat(snapshot.isWithin(AreaId.of("x"), AreaId.of("x"))).isTrue();
        assertThat(snapshot.isWithin(AreaId.of("x"), BUILDING)).isFalse();
    }

    @Test
    void visitsOfAPersonAreSortedById() {
        EngineWorld world = new EngineWorld();
        world.visits.add(new Visit(VisitId.of("a-early"), VIC, EngineWorld.ALICE, VisitStatus.CLOSED, T0, T0,
                Set.of()));
        assertThat(world.snapshot().visitsOf(VIC)).extracting(v -> v.id().value()).containsExactly("a-early",
                "visit-vic");
    }

    @Test
    void inconsistentAreasAndVisitsAreRejectedNamingTheOffender() {
        assertThatThrownBy(() -> new EngineWorld().area(Area.inside(AreaId.of("attic"), SITE, AreaId.of("roof"),
                "Attic")).snapshot()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attic")
                .hasMessageContaining("roof");
        assertThatThrownBy(() -> new EngineWorld().area(Area.root(AreaId.of("shed"), SiteId.of("other"), "Shed"))
                .snapshot()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other");
        assertThatThrownBy(() -> new EngineWorld().editArea(BUILDING, a -> Area.inside(BUILDING, SITE, CAGE_A,
                "Building")).snapshot()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cycle");
        EngineWorld twoSites = new EngineWorld();
        Site other = new Site(SiteId.of("site-2"), ZoneId.of("UTC"), ThreatLevel.NORMAL, false, Duration.ofSeconds(1),
                1);
        AccessSnapshot one = twoSites.snapshot();
        assertThatThrownBy(() -> AccessSnapshot.builder(2).sites(List.of(one.sites().getFirst(), other))
                .areas(List.of(Area.root(BUILDING, SITE, "B"), Area.inside(HALL_1, other.id(), BUILDING, "H")))
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("site-2");
        EngineWorld ghost = new EngineWorld();
        ghost.visits.add(new Visit(VisitId.of("v-ghost"), PersonId.of("ghost"), EngineWorld.ALICE,
                VisitStatus.APPROVED, T0, T0.plusSeconds(1), Set.of(BUILDING)));
        assertThatThrownBy(ghost::snapshot).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ghost");
        EngineWorld twice = new EngineWorld();
        twice.visits.add(twice.visits.getFirst());
        assertThatThrownBy(twice::snapshot).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate visit visit-vic");
        assertThatThrownBy(() -> AccessSnapshot.builder(1).sites(List.of(other, other)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate site site-2");
        assertThatThrownBy(() -> AccessSnapshot.builder(-1).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessSnapshot.builder(1).areas(null).build())
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void theEmptyBuilderAndTheOldFactoryStillWork() {
        AccessSnapshot empty = AccessSnapshot.builder(3).build();
        assertThat(empty.version()).isEqualTo(3);
        assertThat(empty.areas()).isEmpty();
        assertThat(AccessSnapshot.empty().sites()).isEmpty();
        assertThat(PolicyFixtures.employeeWithDataHallAccess().snapshot().areas()).isEmpty();
    }

    @Test
    void recordsRejectInvalidValues() {
        assertThatThrownBy(() -> new Site(SITE, ZoneId.of("UTC"), ThreatLevel.NORMAL, false, Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Site(SITE, ZoneId.of("UTC"), ThreatLevel.NORMAL, false, Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Area(HALL_1, SITE, null, "H", false, false, AntiPassback.TIMED, null, null))
                .as("TIMED needs a re-entry interval").isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Area(HALL_1, SITE, null, "H", false, false, AntiPassback.TIMED,
                Duration.ofSeconds(-1), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Area(HALL_1, SITE, null, "H", false, false, AntiPassback.NONE, null,
                Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Area.inside(HALL_1, SITE, HALL_1, "H")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Visit(VisitId.of("v"), VIC, VIC, VisitStatus.APPROVED, T0, T0.minusSeconds(1),
                Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Door(DoorId.of("d"), HALL_1, "D", SecondFactor.NONE, null, null, false))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new AccessRequest(EngineWorld.card(VIC), DoorId.of("d"), null, T0, null, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Decision.Granted(VIC, CredentialId.of("c"), null, Set.of(Factor.CARD),
                GrantBasis.ACCESS_LEVEL)).as("a level grant names its level").isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Decision.Granted(VIC, CredentialId.of("c"), AccessLevelId.of("l"),
                Set.of(Factor.CARD), GrantBasis.VISIT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Decision.Granted(VIC, CredentialId.of("c"), null, Set.of(Factor.PIN),
                GrantBasis.VISIT)).as("CARD is always a factor").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oldConstructorsKeepTheirMeaning() {
        Door door = new Door(DoorId.of("d"), HALL_1, "D", SecondFactor.FINGERPRINT);
        assertThat(door.kind()).isEqualTo(PortalKind.DOOR);
        assertThat(door.freeAccess()).isNull();
        assertThat(door.threatMarked()).isFalse();
        Person person = new Person(VIC, "Vic", PersonKind.VISITOR, PersonStatus.ACTIVE);
        assertThat(person.clearance()).isZero();
        assertThat(person.mayEscort()).isFalse();
        assertThat(person.lockdownExempt()).isFalse();
        assertThat(person.pin()).isNull();
        AccessRequest request = new AccessRequest(EngineWorld.card(VIC), DoorId.of("d"), T0);
        assertThat(request.direction()).isEqualTo(Direction.ENTRY);
        assertThat(request.pin()).isNull();
        Decision.Granted granted = new Decision.Granted(VIC, CredentialId.of("c"), AccessLevelId.of("l"));
        assertThat(granted.factors()).containsExactly(Factor.CARD);
        assertThat(granted.basis()).isEqualTo(GrantBasis.ACCESS_LEVEL);
        assertThat(granted.levelOpt()).contains(AccessLevelId.of("l"));
    }

    @Test
    void aRequestNeverPrintsItsPin() {
        AccessRequest request = new AccessRequest(EngineWorld.card(VIC), DoorId.of("d"), Direction.EXIT, T0, null,
                "482193");
        assertThat(request.toString()).doesNotContain("482193").contains("pin=****").contains("EXIT");
        assertThat(new AccessRequest(EngineWorld.card(VIC), DoorId.of("d"), T0).toString()).contains("pin=none");
    }
}
