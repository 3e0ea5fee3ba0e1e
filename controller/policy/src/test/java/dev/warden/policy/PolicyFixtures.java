package dev.warden.policy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A small demo site and named scenarios for the policy tests.
 *
 * <p>The site (zone Europe/Berlin): doors {@link #LOBBY} (area ground floor) and {@link #DATA_HALL} (area data
 * hall); schedules {@link #ALWAYS} (every day, all day), {@link #OFFICE_HOURS} (Mon–Fri 07:00–19:00) and
 * {@link #NEVER_OPEN} (no windows); levels {@link #LOBBY_ALWAYS} (lobby, always), {@link #DATA_HALL_OFFICE_HOURS}
 * (data hall, office hours) and {@link #DATA_HALL_NEVER} (data hall, never open); the card + fingerprint door
 * {@link #CAGE} (area cage, module {@link #CAGE_MODULE}) with level {@link #CAGE_ALWAYS}.
 * {@link #WEDNESDAY_NOON} is inside office hours, {@link #SATURDAY_NOON} outside.
 */
final class PolicyFixtures {

    static final ZoneId SITE_ZONE = ZoneId.of("Europe/Berlin");

    /** Wednesday 2026-03-11 12:00 in Berlin (CET, UTC+1). */
    static final Instant WEDNESDAY_NOON = Instant.parse("2026-03-11T11:00:00Z");
    /** Saturday 2026-03-14 12:00 in Berlin. */
    static final Instant SATURDAY_NOON = Instant.parse("2026-03-14T11:00:00Z");

    static final AreaId GROUND_FLOOR = AreaId.of("area-ground");
    static final AreaId DATA_HALL_AREA = AreaId.of("area-data-hall");
    static final DoorId LOBBY = DoorId.of("door-lobby");
    static final DoorId DATA_HALL = DoorId.of("door-data-hall");
    static final DoorId UNKNOWN_DOOR = DoorId.of("door-nowhere");
    /** A card + fingerprint door into the cage, whose module is {@link #CAGE_MODULE}. */
    static final DoorId CAGE = DoorId.of("door-cage");
    static final AreaId CAGE_AREA = AreaId.of("area-cage");
    static final String CAGE_MODULE = "fp-cage";

    static final ScheduleId ALWAYS = ScheduleId.of("sched-always");
    static final ScheduleId OFFICE_HOURS = ScheduleId.of("sched-office");
    static final ScheduleId NEVER_OPEN = ScheduleId.of("sched-never");
    static final ScheduleId MISSING_SCHEDULE = ScheduleId.of("sched-missing");

    static final AccessLevelId LOBBY_ALWAYS = AccessLevelId.of("level-lobby");
    static final AccessLevelId DATA_HALL_OFFICE_HOURS = AccessLevelId.of("level-hall-office");
    static final AccessLevelId DATA_HALL_NEVER = AccessLevelId.of("level-hall-never");
    static final AccessLevelId CAGE_ALWAYS = AccessLevelId.of("level-cage");

    private static final Set<DayOfWeek> WEEKDAYS =
            EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    private PolicyFixtures() {
    }

    /** The site's doors, schedules and levels, without people: add them with the builder. */
    static SiteBuilder site() {
        return new SiteBuilder()
                .door(new Door(LOBBY, GROUND_FLOOR, "Lobby"))
                .door(new Door(DATA_HALL, DATA_HALL_AREA, "Data hall"))
                .door(new Door(CAGE, CAGE_AREA, "Cage", SecondFactor.FINGERPRINT))
                .schedule(alwaysOpen(ALWAYS, SITE_ZONE))
                .schedule(officeHours(OFFICE_HOURS, SITE_ZONE))
                .schedule(new Schedule(NEVER_OPEN, SITE_ZONE, List.of()))
                .level(new AccessLevel(LOBBY_ALWAYS, "Lobby, always", Set.of(LOBBY), ALWAYS))
                .level(new AccessLevel(DATA_HALL_OFFICE_HOURS, "Data hall, office hours", Set.of(DATA_HALL),
                        OFFICE_HOURS))
                .level(new AccessLevel(DATA_HALL_NEVER, "Data hall, never", Set.of(DATA_HALL), NEVER_OPEN))
                .level(new AccessLevel(CAGE_ALWAYS, "Cage, always", Set.of(CAGE), ALWAYS));
    }

    static Schedule alwaysOpen(ScheduleId id, ZoneId zone) {
        List<WeeklyWindow> windows = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            windows.add(WeeklyWindow.allDay(day));
        }
        return new Schedule(id, zone, windows);
    }

    static Schedule officeHours(ScheduleId id, ZoneId zone) {
        List<WeeklyWindow> windows = new ArrayList<>();
        for (DayOfWeek day : WEEKDAYS) {
            windows.add(new WeeklyWindow(day, LocalTime.of(7, 0), LocalTime.of(19, 0)));
        }
        return new Schedule(id, zone, windows);
    }

    static CardKey card(long number) {
        return new CardKey("H10301", 1, number);
    }

    /** Page {@code page} of the cage's fingerprint module. */
    static FingerprintKey finger(int page) {
        return new FingerprintKey(CAGE_MODULE, page);
    }

    /**
     * A cage technician: employee, active, badge 1007, cage and lobby always, finger enrolled ACTIVE at page 7 of the
     * cage module.
     */
    static Scenario cageTechnicianWithEnrolledFinger() {
        PersonId id = PersonId.of("emp-cage");
        Person person = new Person(id, "Cage technician", PersonKind.EMPLOYEE, PersonStatus.ACTIVE);
        Credential credential = new Credential(CredentialId.of("cred-1007"), card(1007), id, CredentialStatus.ACTIVE,
                null, null);
        AccessSnapshot snapshot = site().person(person).credential(credential)
                .assignment(AccessAssignment.permanent(id, CAGE_ALWAYS))
                .assignment(AccessAssignment.permanent(id, LOBBY_ALWAYS))
                .fingerprint(new Fingerprint(FingerprintId.of("fp-7"), finger(7), id, FingerprintStatus.ACTIVE))
                .build();
        return new Scenario(snapshot, person, credential);
    }

    /** A technician: employee, active, badge 1001 valid without bounds, data hall in office hours + lobby. */
    static Scenario employeeWithDataHallAccess() {
        return person("emp-1", PersonKind.EMPLOYEE, PersonStatus.ACTIVE, 1001, CredentialStatus.ACTIVE, null, null,
                DATA_HALL_OFFICE_HOURS, LOBBY_ALWAYS);
    }

    /** A contractor whose badge (1002) expired at {@code WEDNESDAY_NOON - 1 day}; otherwise fully entitled. */
    static Scenario contractorWithExpiredBadge() {
        Instant from = WEDNESDAY_NOON.minus(30, ChronoUnit.DAYS);
        Instant until = WEDNESDAY_NOON.minus(1, ChronoUnit.DAYS);
        return person("con-1", PersonKind.CONTRACTOR, PersonStatus.ACTIVE, 1002, CredentialStatus.ACTIVE, from,
                until, DATA_HALL_OFFICE_HOURS, LOBBY_ALWAYS);
    }

    /** A terminated employee who still holds an active badge (1003) and all levels: must never pass. */
    static Scenario terminatedEmployeeStillHoldingBadge() {
        return person("emp-terminated", PersonKind.EMPLOYEE, PersonStatus.TERMINATED, 1003, CredentialStatus.ACTIVE,
                null, null, DATA_HALL_OFFICE_HOURS, LOBBY_ALWAYS);
    }

    /** A suspended employee with an active badge (1004) and all levels. */
    static Scenario suspendedEmployee() {
        return person("emp-suspended", PersonKind.EMPLOYEE, PersonStatus.SUSPENDED, 1004, CredentialStatus.ACTIVE,
                null, null, DATA_HALL_OFFICE_HOURS, LOBBY_ALWAYS);
    }

    /** A visitor with a lobby-only badge (1005) and no visit: rule 6 denies them everywhere. */
    static Scenario visitorWithLobbyOnlyBadge() {
        return person("vis-1", PersonKind.VISITOR, PersonStatus.ACTIVE, 1005, CredentialStatus.ACTIVE, null, null,
                LOBBY_ALWAYS);
    }

    /** A contractor with a lobby-only badge (1008): holds no level for the data hall or the cage. */
    static Scenario contractorWithLobbyOnlyBadge() {
        return person("con-lobby", PersonKind.CONTRACTOR, PersonStatus.ACTIVE, 1008, CredentialStatus.ACTIVE, null,
                null, LOBBY_ALWAYS);
    }

    /** An active employee whose badge (1006) was reported lost. */
    static Scenario employeeWithLostBadge() {
        return person("emp-lost", PersonKind.EMPLOYEE, PersonStatus.ACTIVE, 1006, CredentialStatus.LOST, null, null,
                DATA_HALL_OFFICE_HOURS, LOBBY_ALWAYS);
    }

    /** An employee with one badge of the given status and validity, assigned the given levels without bounds. */
    static Scenario person(String personId, PersonKind kind, PersonStatus status, long cardNumber,
                           CredentialStatus credentialStatus, Instant validFrom, Instant validUntil,
                           AccessLevelId... levels) {
        PersonId id = PersonId.of(personId);
        Person person = new Person(id, "Person " + personId, kind, status);
        Credential credential = new Credential(CredentialId.of("cred-" + cardNumber), card(cardNumber), id,
                credentialStatus, validFrom, validUntil);
        SiteBuilder site = site().person(person).credential(credential);
        for (AccessLevelId level : levels) {
            site.assignment(AccessAssignment.permanent(id, level));
        }
        return new Scenario(site.build(), person, credential);
    }

    /** A snapshot and the one person and badge it is about. */
    record Scenario(AccessSnapshot snapshot, Person person, Credential credential) {

        AccessRequest requestAt(DoorId door, Instant at) {
            return new AccessRequest(credential.card(), door, at);
        }

        Decision decide(DoorId door, Instant at) {
            return new AccessPolicy().decide(requestAt(door, at), snapshot);
        }

        /** The card, then {@code finger} (null: none presented). */
        Decision decide(DoorId door, Instant at, FingerprintKey finger) {
            return new AccessPolicy().decide(new AccessRequest(credential.card(), door, at, finger), snapshot);
        }
    }

    /** Collects site contents; {@link #build()} makes the snapshot. */
    static final class SiteBuilder {
        private long version = 1;
        private final List<Person> persons = new ArrayList<>();
        private final List<Credential> credentials = new ArrayList<>();
        private final List<Door> doors = new ArrayList<>();
        private final List<Schedule> schedules = new ArrayList<>();
        private final List<AccessLevel> levels = new ArrayList<>();
        private final List<AccessAssignment> assignments = new ArrayList<>();
        private final List<Fingerprint> fingerprints = new ArrayList<>();

        SiteBuilder version(long v) {
            version = v;
            return this;
        }

        SiteBuilder person(Person p) {
            persons.add(p);
            return this;
        }

        SiteBuilder credential(Credential c) {
            credentials.add(c);
            return this;
        }

        SiteBuilder door(Door d) {
            doors.add(d);
            return this;
        }

        SiteBuilder schedule(Schedule s) {
            schedules.add(s);
            return this;
        }

        SiteBuilder level(AccessLevel l) {
            levels.add(l);
            return this;
        }

        SiteBuilder assignment(AccessAssignment a) {
            assignments.add(a);
            return this;
        }

        SiteBuilder fingerprint(Fingerprint f) {
            fingerprints.add(f);
            return this;
        }

        AccessSnapshot build() {
            return AccessSnapshot.of(version, persons, credentials, doors, schedules, levels, assignments,
                    fingerprints);
        }
    }
}
