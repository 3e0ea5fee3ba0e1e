package dev.warden.policy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A small data-center site for the rule and engine tests, editable before each build.
 *
 * <p>Site {@link #SITE} (Europe/Berlin, threat NORMAL, escort window 30 s, 2 visitors per escort). Areas:
 * {@link #BUILDING} (root) ⊃ {@link #HALL_1} ⊃ {@link #CAGE_A} (two-person, 30 s), and {@link #BUILDING} ⊃
 * {@link #HALL_2}. Doors (card only, level "all doors, always" unless said): {@link #MAIN} into the building,
 * {@link #HALL_1_DOOR}, {@link #HALL_2_DOOR}, {@link #CAGE_DOOR}, and the turnstile {@link #TURNSTILE} (a GATE into
 * the building). People (employees unless said, each with badge {@code card(n)}): {@link #ALICE} (may escort),
 * {@link #BOB}, {@link #CAROL} (may escort), {@link #VIC} and {@link #VERA} (visitors with an approved visit to the
 * building, 08:00–20:00 on {@link #T0}'s day), {@link #TERRY} (TERMINATED, still holding an active badge).
 */
final class EngineWorld {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    /** Wednesday 2026-03-11 12:00 Berlin. */
    static final Instant T0 = Instant.parse("2026-03-11T11:00:00Z");

    static final SiteId SITE = SiteId.of("site-1");
    static final AreaId BUILDING = AreaId.of("building");
    static final AreaId HALL_1 = AreaId.of("hall-1");
    static final AreaId HALL_2 = AreaId.of("hall-2");
    static final AreaId CAGE_A = AreaId.of("cage-a");
    static final DoorId MAIN = DoorId.of("door-main");
    static final DoorId HALL_1_DOOR = DoorId.of("door-hall-1");
    static final DoorId HALL_2_DOOR = DoorId.of("door-hall-2");
    static final DoorId CAGE_DOOR = DoorId.of("door-cage-a");
    static final DoorId TURNSTILE = DoorId.of("gate-turnstile");

    static final PersonId ALICE = PersonId.of("alice");
    static final PersonId BOB = PersonId.of("bob");
    static final PersonId CAROL = PersonId.of("carol");
    static final PersonId VIC = PersonId.of("vic");
    static final PersonId VERA = PersonId.of("vera");
    static final PersonId TERRY = PersonId.of("terry");

    static final ScheduleId ALWAYS = ScheduleId.of("always");
    static final AccessLevelId ALL_DOORS = AccessLevelId.of("all-doors");

    private static final List<PersonId> PEOPLE = List.of(ALICE, BOB, CAROL, VIC, VERA, TERRY);

    Site site = new Site(SITE, ZONE, ThreatLevel.NORMAL, false, Duration.ofSeconds(30), 2);
    final Map<AreaId, Area> areas = new LinkedHashMap<>();
    final Map<DoorId, Door> doors = new LinkedHashMap<>();
    final Map<PersonId, Person> persons = new LinkedHashMap<>();
    final List<Visit> visits = new ArrayList<>();
    final List<Schedule> schedules = new ArrayList<>();
    long version = 1;

    EngineWorld() {
        area(Area.root(BUILDING, SITE, "Building"));
        area(Area.inside(HALL_1, SITE, BUILDING, "Hall 1"));
        area(Area.inside(HALL_2, SITE, BUILDING, "Hall 2"));
        area(new Area(CAGE_A, SITE, HALL_1, "Cage A", true, false, AntiPassback.NONE, null, Duration.ofSeconds(30)));
        door(new Door(MAIN, BUILDING, "Main entrance"));
        door(new Door(HALL_1_DOOR, HALL_1, "Hall 1"));
        door(new Door(HALL_2_DOOR, HALL_2, "Hall 2"));
        door(new Door(CAGE_DOOR, CAGE_A, "Cage A"));
        door(new Door(TURNSTILE, BUILDING, "Turnstile", SecondFactor.NONE, PortalKind.GATE, null, false));
        person(new Person(ALICE, "Alice", PersonKind.EMPLOYEE, PersonStatus.ACTIVE, 0, true, false, null, null));
        person(new Person(BOB, "Bob", PersonKind.EMPLOYEE, PersonStatus.ACTIVE));
        person(new Person(CAROL, "Carol", PersonKind.EMPLOYEE, PersonStatus.ACTIVE, 0, true, false, null, null));
        person(new Person(VIC, "Vic", PersonKind.VISITOR, PersonStatus.ACTIVE));
        person(new Person(VERA, "Vera", PersonKind.VISITOR, PersonStatus.ACTIVE));
        person(new Person(TERRY, "Terry", PersonKind.EMPLOYEE, PersonStatus.TERMINATED));
        Instant from = T0.minus(Duration.ofHours(4));
        Instant until = T0.plus(Duration.ofHours(8));
        visits.add(new Visit(VisitId.of("visit-vic"), VIC, ALICE, VisitStatus.APPROVED, from, until, Set.of(BUILDING)));
        visits.add(new Visit(VisitId.of("visit-vera"), VERA, ALICE, VisitStatus.APPROVED, from, until,
                Set.of(BUILDING)));
        List<WeeklyWindow> always = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            always.add(WeeklyWindow.allDay(day));
        }
        schedules.add(new Schedule(ALWAYS, ZONE, always));
    }

    static CardKey card(PersonId person) {
        return new CardKey("H10301", 7, 1000 + PEOPLE.indexOf(person));
    }

    EngineWorld area(Area area) {
        areas.put(area.id(), area);
        return this;
    }

    EngineWorld door(Door door) {
        doors.put(door.id(), door);
        return this;
    }

    EngineWorld person(Person person) {
        persons.put(person.id(), person);
        return this;
    }

    /** Replaces the area {@code id} by {@code edit} of it. */
    EngineWorld editArea(AreaId id, UnaryOperator<Area> edit) {
        return area(edit.apply(areas.get(id)));
    }

    /** Replaces the person {@code id} by {@code edit} of it. */
    EngineWorld editPerson(PersonId id, UnaryOperator<Person> edit) {
        return person(edit.apply(persons.get(id)));
    }

    EngineWorld status(PersonId id, PersonStatus status) {
        return editPerson(id, p -> new Person(p.id(), p.displayName(), p.kind(), status, p.clearance(), p.mayEscort(),
                p.lockdownExempt(), p.pin(), p.duressPin()));
    }

    EngineWorld antiPassback(AreaId id, AntiPassback mode, Duration reentry) {
        return editArea(id, a -> new Area(a.id(), a.site(), a.parent(), a.name(), a.restricted(), a.lockedDown(), mode,
                reentry, a.twoPersonWindow()));
    }

    /** Sets (or with null removes) the two-person window of area {@code id}. */
    EngineWorld twoPerson(AreaId id, Duration window) {
        return editArea(id, a -> new Area(a.id(), a.site(), a.parent(), a.name(), a.restricted(), a.lockedDown(),
                a.antiPassback(), a.passbackReentry(), window));
    }

    EngineWorld site(Site value) {
        site = value;
        return this;
    }

    AccessSnapshot snapshot() {
        List<Credential> credentials = new ArrayList<>();
        List<AccessAssignment> assignments = new ArrayList<>();
        for (PersonId id : persons.keySet()) {
            credentials.add(new Credential(CredentialId.of("cred-" + id.value()), card(id), id,
                    CredentialStatus.ACTIVE, null, null));
            assignments.add(AccessAssignment.permanent(id, ALL_DOORS));
        }
        return AccessSnapshot.builder(version++)
                .sites(List.of(site))
                .areas(areas.values())
                .doors(doors.values())
                .persons(persons.values())
                .credentials(credentials)
                .schedules(schedules)
                .levels(List.of(new AccessLevel(ALL_DOORS, "All doors", doors.keySet(), ALWAYS)))
                .assignments(assignments)
                .visits(visits)
                .build();
    }

    static AccessRequest entry(PersonId person, DoorId door, Instant at) {
        return new AccessRequest(card(person), door, Direction.ENTRY, at);
    }

    static AccessRequest exit(PersonId person, DoorId door, Instant at) {
        return new AccessRequest(card(person), door, Direction.EXIT, at);
    }
}
