package dev.warden.policy;

import static dev.warden.policy.PolicyFixtures.DATA_HALL;
import static dev.warden.policy.PolicyFixtures.DATA_HALL_NEVER;
import static dev.warden.policy.PolicyFixtures.DATA_HALL_OFFICE_HOURS;
import static dev.warden.policy.PolicyFixtures.LOBBY;
import static dev.warden.policy.PolicyFixtures.LOBBY_ALWAYS;
import static dev.warden.policy.PolicyFixtures.SATURDAY_NOON;
import static dev.warden.policy.PolicyFixtures.WEDNESDAY_NOON;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessLevelSchedulePolicyTest {

    private static final PersonId ALEX = PersonId.of("alex");
    private static final Credential BADGE = new Credential(CredentialId.of("cred-alex"), PolicyFixtures.card(500),
            ALEX, CredentialStatus.ACTIVE, null, null);
    /** Wednesday 2026-03-11 07:00 Berlin = 06:00Z, the start of office hours. */
    private static final Instant OFFICE_OPENS = Instant.parse("2026-03-11T06:00:00Z");
    /** Wednesday 2026-03-11 19:00 Berlin = 18:00Z, the end of office hours. */
    private static final Instant OFFICE_CLOSES = Instant.parse("2026-03-11T18:00:00Z");

    private final AccessLevelSchedulePolicy rule = new AccessLevelSchedulePolicy();

    @Test
    void noAssignmentMeansNoAccessLevel() {
        assertThat(rule.evaluate(BADGE, DATA_HALL, WEDNESDAY_NOON, alexWith()))
                .isEqualTo(denied(DenyReason.NO_ACCESS_LEVEL));
    }

    @Test
    void aLevelWithoutTheDoorMeansNoAccessLevel() {
        AccessSnapshot snapshot = alexWith(AccessAssignment.permanent(ALEX, LOBBY_ALWAYS));
        assertThat(rule.evaluate(BADGE, DATA_HALL, WEDNESDAY_NOON, snapshot))
                .isEqualTo(denied(DenyReason.NO_ACCESS_LEVEL));
        assertThat(rule.evaluate(BADGE, LOBBY, WEDNESDAY_NOON, snapshot))
                .isEqualTo(new Decision.Granted(ALEX, BADGE.id(), LOBBY_ALWAYS));
    }

    @Test
    void anAssignmentCountsFromItsStartInclusiveUntilItsEndExclusive() {
        Instant from = WEDNESDAY_NOON.minusSeconds(60);
        Instant until = WEDNESDAY_NOON.plusSeconds(60);
        AccessSnapshot snapshot = alexWith(new AccessAssignment(ALEX, DATA_HALL_OFFICE_HOURS, from, until));
        assertThat(rule.evaluate(BADGE, DATA_HALL, from.minusNanos(1), snapshot))
                .isEqualTo(denied(DenyReason.NO_ACCESS_LEVEL));
        assertThat(rule.evaluate(BADGE, DATA_HALL, from, snapshot)).isInstanceOf(Decision.Granted.class);
        assertThat(rule.evaluate(BADGE, DATA_HALL, until.minusNanos(1), snapshot))
                .isInstanceOf(Decision.Granted.class);
        assertThat(rule.evaluate(BADGE, DATA_HALL, until, snapshot)).isEqualTo(denied(DenyReason.NO_ACCESS_LEVEL));
    }

    @Test
    void aLevelForTheDoorOutsideItsScheduleIsOutsideSchedule() {
        AccessSnapshot snapshot = alexWith(AccessAssignment.permanent(ALEX, DATA_HALL_OFFICE_HOURS));
        assertThat(rule.evaluate(BADGE, DATA_HALL, SATURDAY_NOON, snapshot))
                .isEqualTo(denied(DenyReason.OUTSIDE_SCHEDULE));
    }

    @Test
    void scheduleEdgesAreHalfOpenToTheNanosecond() {
        AccessSnapshot snapshot = alexWith(AccessAssignment.permanent(ALEX, DATA_HALL_OFFICE_HOURS));
        Decision granted = new Decision.Granted(ALEX, BADGE.id(), DATA_HALL_OFFICE_HOURS);
        assertThat(rule.evaluate(BADGE, DATA_HALL, OFFICE_OPENS.minusNanos(1), snapshot))
                .isEqualTo(denied(DenyReason.OUTSIDE_SCHEDULE));
        assertThat(rule.evaluate(BADGE, DATA_HALL, OFFICE_OPENS, snapshot)).isEqualTo(granted);
        assertThat(rule.evaluate(BADGE, DATA_HALL, OFFICE_CLOSES.minusNanos(1), snapshot)).isEqualTo(granted);
        assertThat(rule.evaluate(BADGE, DATA_HALL, OFFICE_CLOSES, snapshot))
                .isEqualTo(denied(DenyReason.OUTSIDE_SCHEDULE));
    }

    @Test
    void anUnknownScheduleCountsAsClosed() {
        AccessLevelId orphan = AccessLevelId.of("level-orphan");
        AccessSnapshot snapshot = PolicyFixtures.site()
                .level(new AccessLevel(orphan, "Orphan", Set.of(DATA_HALL), PolicyFixtures.MISSING_SCHEDULE))
                .person(alex()).credential(BADGE).assignment(AccessAssignment.permanent(ALEX, orphan)).build();
        assertThat(rule.evaluate(BADGE, DATA_HALL, WEDNESDAY_NOON, snapshot))
                .isEqualTo(denied(DenyReason.OUTSIDE_SCHEDULE));
    }

    @Test
    void anAssignmentToALevelMissingFromTheSnapshotGrantsNothing() {
        AccessSnapshot snapshot = alexWith(AccessAssignment.permanent(ALEX, AccessLevelId.of("level-gone")));
        assertThat(rule.evaluate(BADGE, DATA_HALL, WEDNESDAY_NOON, snapshot))
                .isEqualTo(denied(DenyReason.NO_ACCESS_LEVEL));
    }

    @Test
    void aClosedLevelDoesNotHideAnOpenOne() {
        AccessSnapshot snapshot = alexWith(AccessAssignment.permanent(ALEX, DATA_HALL_NEVER),
                AccessAssignment.permanent(ALEX, DATA_HALL_OFFICE_HOURS));
        assertThat(rule.evaluate(BADGE, DATA_HALL, WEDNESDAY_NOON, snapshot))
                .isEqualTo(new Decision.Granted(ALEX, BADGE.id(), DATA_HALL_OFFICE_HOURS));
        assertThat(rule.evaluate(BADGE, DATA_HALL, SATURDAY_NOON, snapshot))
                .isEqualTo(denied(DenyReason.OUTSIDE_SCHEDULE));
    }

    @Test
    void whenSeveralLevelsGrantTheFirstByIdIsNamedWhateverTheInputOrder() {
        AccessLevelId b = AccessLevelId.of("b-hall-always");
        AccessLevelId a = AccessLevelId.of("a-hall-always");
        AccessLevel levelB = new AccessLevel(b, "B", Set.of(DATA_HALL), PolicyFixtures.ALWAYS);
        AccessLevel levelA = new AccessLevel(a, "A", Set.of(DATA_HALL, LOBBY), PolicyFixtures.ALWAYS);
        for (boolean aFirst : new boolean[] {true, false}) {
            PolicyFixtures.SiteBuilder site = PolicyFixtures.site().person(alex()).credential(BADGE)
                    .level(aFirst ? levelA : levelB).level(aFirst ? levelB : levelA);
            site.assignment(AccessAssignment.permanent(ALEX, aFirst ? a : b))
                    .assignment(AccessAssignment.permanent(ALEX, aFirst ? b : a));
            assertThat(rule.evaluate(BADGE, DATA_HALL, SATURDAY_NOON, site.build()))
                    .isEqualTo(new Decision.Granted(ALEX, BADGE.id(), a));
        }
    }

    private static Person alex() {
        return new Person(ALEX, "Alex Doe", PersonKind.EMPLOYEE, PersonStatus.ACTIVE);
    }

    private static AccessSnapshot alexWith(AccessAssignment... assignments) {
        PolicyFixtures.SiteBuilder site = PolicyFixtures.site().person(alex()).credential(BADGE);
        for (AccessAssignment assignment : assignments) {
            site.assignment(assignment);
        }
        return site.build();
    }

    private static Decision denied(DenyReason reason) {
        return new Decision.Denied(reason, ALEX, BADGE.id());
    }
}
