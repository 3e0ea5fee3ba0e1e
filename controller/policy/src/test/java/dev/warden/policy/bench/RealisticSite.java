package dev.warden.policy.bench;

import dev.warden.policy.AccessAssignment;
import dev.warden.policy.AccessLevel;
import dev.warden.policy.AccessLevelId;
import dev.warden.policy.AccessPolicy;
import dev.warden.policy.AccessRequest;
import dev.warden.policy.AccessSnapshot;
import dev.warden.policy.AntiPassback;
import dev.warden.policy.Area;
import dev.warden.policy.AreaId;
import dev.warden.policy.CardKey;
import dev.warden.policy.Credential;
import dev.warden.policy.CredentialId;
import dev.warden.policy.CredentialStatus;
import dev.warden.policy.Decision;
import dev.warden.policy.DenyReason;
import dev.warden.policy.Door;
import dev.warden.policy.DoorId;
import dev.warden.policy.Person;
import dev.warden.policy.PersonId;
import dev.warden.policy.PersonKind;
import dev.warden.policy.PersonStatus;
import dev.warden.policy.Schedule;
import dev.warden.policy.ScheduleId;
import dev.warden.policy.Site;
import dev.warden.policy.SiteId;
import dev.warden.policy.ThreatLevel;
import dev.warden.policy.WeeklyWindow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A realistic data-center site, generated deterministically from a seed, and the requests the benchmarks ask.
 *
 * <p>The site, in zone Europe/Berlin:
 * <ul>
 *   <li>5 weekly schedules: {@code sched-24x7} (always), {@code sched-office} (Mon–Fri 07:00–19:00),
 *       {@code sched-extended} (Mon–Sat 06:00–22:00), {@code sched-night} (daily 22:00–06:00, two windows a day) and
 *       {@code sched-weekend} (Sat–Sun 08:00–20:00);</li>
 *   <li>200 doors in 10 areas of 20 doors ({@code area-0} is the site entrance);</li>
 *   <li>20 access levels: {@code level-00} (all entrance doors, 24/7), {@code level-01..09} (all doors of area 1..9),
 *       {@code level-10..19} (4–30 doors drawn from the whole site: cages, rooms); level {@code k} uses schedule
 *       {@code k mod 5} in the order above;</li>
 *   <li>10,000 people (80 % employees, 15 % contractors, 5 % visitors; 97 % active, 2 % suspended, 1 % terminated),
 *       each with 1–4 access assignments (90 % hold the entrance level), employees mostly without time bounds,
 *       contractors and visitors bounded;</li>
 *   <li>12,000 credentials: one per person (98 % active) plus a second one for 2,000 people (half active, half
 *       lost / revoked / surrendered / suspended), in the four Wiegand formats with unique card numbers; contractor
 *       and visitor badges are time-bounded, some already expired.</li>
 * </ul>
 *
 * <p>The collections are unmodifiable views of {@link ArrayList}s, as a database read would deliver them, so that
 * {@link AccessSnapshot#of} really copies them (it would not copy an already immutable {@code List.of}).
 *
 * <p>Requests are built with fresh key objects ({@link #asReceived}), as a decoder produces them from the wire, so
 * that no hash-map look-up takes the identity shortcut with the snapshot's own keys.
 */
final class RealisticSite {

    static final long SEED = 20_260_311L;
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final int PERSONS = 10_000;
    static final int CREDENTIALS = 12_000;
    static final int DOORS = 200;
    static final int AREAS = 10;
    static final int LEVELS = 20;
    static final int SCHEDULES = 5;
    /** Size of the mixed workload; a power of two so the benchmark can advance with a mask. */
    static final int MIXED_REQUESTS = 4_096;

    /** Monday 2026-03-09, the week every request falls in (no daylight-saving change in it). */
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 9);
    static final Instant WEEK_START = MONDAY.atStartOfDay(ZONE).toInstant();
    /** Wednesday 2026-03-11 10:00 Berlin: 24x7, office and extended are open; night and weekend are closed. */
    static final Instant WEDNESDAY_10_00 = MONDAY.plusDays(2).atTime(10, 0).atZone(ZONE).toInstant();
    /** Sunday 2026-03-15 03:00 Berlin: only 24x7 and night are open. */
    static final Instant SUNDAY_03_00 = MONDAY.plusDays(6).atTime(3, 0).atZone(ZONE).toInstant();

    private static final String[] FORMATS = {"H10301", "H10306", "H10304", "CORP1000"};
    private static final long[] FACILITY = {42, 4_242, 777, 1_234};
    private static final int[] NUMBER_BITS = {16, 16, 19, 20};
    private static final CredentialStatus[] FORMER_BADGE = {CredentialStatus.LOST, CredentialStatus.REVOKED,
        CredentialStatus.SURRENDERED, CredentialStatus.SUSPENDED};

    final List<Person> persons;
    final List<Credential> credentials;
    final List<Door> doors;
    final List<Schedule> schedules;
    final List<AccessLevel> levels;
    final List<AccessAssignment> assignments;

    private RealisticSite(List<Person> persons, List<Credential> credentials, List<Door> doors,
                          List<Schedule> schedules, List<AccessLevel> levels, List<AccessAssignment> assignments) {
        this.persons = Collections.unmodifiableList(persons);
        this.credentials = Collections.unmodifiableList(credentials);
        this.doors = Collections.unmodifiableList(doors);
        this.schedules = Collections.unmodifiableList(schedules);
        this.levels = Collections.unmodifiableList(levels);
        this.assignments = Collections.unmodifiableList(assignments);
    }

    /** The same site for the same seed, element for element. */
    static RealisticSite generate(long seed) {
        Random random = new Random(seed);
        List<Schedule> schedules = schedules();
        List<Door> doors = doors();
        List<AccessLevel> levels = levels(random, doors, schedules);

        List<Person> persons = new ArrayList<>(PERSONS);
        for (int i = 0; i < PERSONS; i++) {
            persons.add(new Person(PersonId.of("person-%05d".formatted(i)), "Person " + i, kind(random),
                    personStatus(random)));
        }

        List<Credential> credentials = new ArrayList<>(CREDENTIALS);
        Set<CardKey> issued = new HashSet<>();
        for (Person person : persons) {
            CredentialStatus status = random.nextDouble() < 0.98 ? CredentialStatus.ACTIVE
                    : (random.nextBoolean() ? CredentialStatus.SUSPENDED : CredentialStatus.REVOKED);
            credentials.add(credential(random, credentials.size(), person, status, issued));
        }
        List<Person> shuffled = new ArrayList<>(persons);
        Collections.shuffle(shuffled, random);
        for (Person person : shuffled.subList(0, CREDENTIALS - PERSONS)) {
            CredentialStatus status = random.nextBoolean() ? CredentialStatus.ACTIVE
                    : FORMER_BADGE[random.nextInt(FORMER_BADGE.length)];
            credentials.add(credential(random, credentials.size(), person, status, issued));
        }

        List<AccessAssignment> assignments = new ArrayList<>();
        for (Person person : persons) {
            int count = 1 + random.nextInt(4);
            Set<AccessLevel> chosen = new LinkedHashSet<>();
            if (random.nextDouble() < 0.9) {
                chosen.add(levels.getFirst());
            }
            while (chosen.size() < count) {
                chosen.add(levels.get(random.nextInt(LEVELS)));
            }
            for (AccessLevel level : chosen) {
                assignments.add(assignment(random, person, level.id()));
            }
        }
        return new RealisticSite(persons, credentials, doors, schedules, levels, assignments);
    }

    /** {@link AccessSnapshot#of} over this site: what the controller pays on every change. */
    AccessSnapshot snapshot(long version) {
        return AccessSnapshot.of(version, persons, credentials, doors, schedules, levels, assignments);
    }

    /**
     * The same site as {@link #snapshot} plus what the {@link AccessEngine} reads: one site ({@code site-dc}, threat
     * NORMAL, escort window 30 s, 2 visitors per escort), the entrance area {@code area-0} as root with SOFT
     * anti-passback, and {@code area-1..9} nested in it ({@code area-5} with HARD anti-passback, the others without).
     */
    AccessSnapshot engineSnapshot(long version) {
        SiteId siteId = SiteId.of("site-dc");
        List<Area> areas = new ArrayList<>(AREAS);
        areas.add(new Area(AreaId.of("area-0"), siteId, null, "Entrance", false, false, AntiPassback.SOFT, null, null));
        for (int i = 1; i < AREAS; i++) {
            areas.add(new Area(AreaId.of("area-" + i), siteId, AreaId.of("area-0"), "Area " + i, false, false,
                    i == 5 ? AntiPassback.HARD : AntiPassback.NONE, null, null));
        }
        return AccessSnapshot.builder(version).persons(persons).credentials(credentials).doors(doors)
                .schedules(schedules).levels(levels).assignments(assignments)
                .sites(List.of(new Site(siteId, ZONE, ThreatLevel.NORMAL, false, Duration.ofSeconds(30), 2)))
                .areas(areas).build();
    }

    /**
     * A grant at {@link #WEDNESDAY_10_00} by the first active credential (in site order) whose holder has four
     * assignments, at a door only the last of them (by level id) opens: the rule walks all four before it grants.
     */
    AccessRequest grantInsideSchedule(AccessSnapshot snapshot, AccessPolicy policy) {
        for (Credential credential : credentials) {
            List<AccessAssignment> held = snapshot.assignmentsOf(credential.holder());
            if (held.size() != 4) {
                continue;
            }
            AccessLevelId last = held.getLast().level();
            for (DoorId door : sortedDoors(snapshot, last)) {
                AccessRequest request = asReceived(new AccessRequest(credential.card(), door, WEDNESDAY_10_00));
                if (policy.decide(request, snapshot) instanceof Decision.Granted granted
                        && granted.level().equals(last)) {
                    return request;
                }
            }
        }
        throw new IllegalStateException("the site has no credential granted through a fourth assignment");
    }

    /**
     * A denial {@code OUTSIDE_SCHEDULE} at {@link #SUNDAY_03_00}: the first active credential (in site order) whose
     * holder has four assignments, at a door their levels cover but none opens at that time.
     */
    AccessRequest denyOutsideSchedule(AccessSnapshot snapshot, AccessPolicy policy) {
        for (Credential credential : credentials) {
            List<AccessAssignment> held = snapshot.assignmentsOf(credential.holder());
            if (held.size() != 4) {
                continue;
            }
            for (AccessAssignment assignment : held) {
                for (DoorId door : sortedDoors(snapshot, assignment.level())) {
                    AccessRequest request = asReceived(new AccessRequest(credential.card(), door, SUNDAY_03_00));
                    if (policy.decide(request, snapshot) instanceof Decision.Denied denied
                            && denied.reason() == DenyReason.OUTSIDE_SCHEDULE) {
                        return request;
                    }
                }
            }
        }
        throw new IllegalStateException("the site has no request denied OUTSIDE_SCHEDULE");
    }

    /** An H10301 card with the site's facility code and a number no credential has, at the first door. */
    AccessRequest denyUnknownCredential() {
        Set<CardKey> issued = issuedCards();
        for (long number = 0; ; number++) {
            CardKey card = new CardKey(FORMATS[0], FACILITY[0], number);
            if (!issued.contains(card)) {
                return asReceived(new AccessRequest(card, doors.getFirst().id(), WEDNESDAY_10_00));
            }
        }
    }

    /**
     * {@code count} requests over the week of {@link #MONDAY}, the same for the same seed. Times: 70 % in office
     * hours (Mon–Fri 07:00–19:00), 30 % anywhere in the week. Requests: 80 % a site credential (any status) at a
     * door of one of its holder's levels, 12 % a site credential at any door, 6 % an unknown card, 2 % a site
     * credential at an unknown door.
     */
    List<AccessRequest> mixedRequests(long seed, int count) {
        Random random = new Random(seed);
        Map<PersonId, List<AccessLevelId>> levelsOf = new HashMap<>();
        for (AccessAssignment assignment : assignments) {
            levelsOf.computeIfAbsent(assignment.person(), p -> new ArrayList<>()).add(assignment.level());
        }
        Map<AccessLevelId, List<DoorId>> doorsOf = new HashMap<>();
        for (AccessLevel level : levels) {
            doorsOf.put(level.id(), level.doors().stream().sorted().toList());
        }
        Set<CardKey> issued = issuedCards();

        List<AccessRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant at = random.nextDouble() < 0.7 ? officeHours(random) : anytimeInWeek(random);
            Credential credential = credentials.get(random.nextInt(credentials.size()));
            double kind = random.nextDouble();
            AccessRequest request;
            if (kind < 0.80) {
                List<AccessLevelId> held = levelsOf.get(credential.holder());
                List<DoorId> usable = doorsOf.get(held.get(random.nextInt(held.size())));
                request = new AccessRequest(credential.card(), usable.get(random.nextInt(usable.size())), at);
            } else if (kind < 0.92) {
                request = new AccessRequest(credential.card(), doors.get(random.nextInt(DOORS)).id(), at);
            } else if (kind < 0.98) {
                CardKey unknown;
                do {
                    unknown = new CardKey(FORMATS[0], FACILITY[0], random.nextInt(1 << NUMBER_BITS[0]));
                } while (issued.contains(unknown));
                request = new AccessRequest(unknown, doors.get(random.nextInt(DOORS)).id(), at);
            } else {
                request = new AccessRequest(credential.card(), DoorId.of("door-9%02d".formatted(random.nextInt(100))),
                        at);
            }
            requests.add(asReceived(request));
        }
        return requests;
    }

    /** How many of {@code requests} end in each reason code, by code. */
    static Map<String, Integer> outcomeMix(List<AccessRequest> requests, AccessSnapshot snapshot,
                                           AccessPolicy policy) {
        Map<String, Integer> mix = new TreeMap<>();
        for (AccessRequest request : requests) {
            mix.merge(policy.decide(request, snapshot).reasonCode(), 1, Integer::sum);
        }
        return mix;
    }

    /** The request with fresh key objects and strings, as a decoder builds it from a received frame. */
    static AccessRequest asReceived(AccessRequest request) {
        CardKey card = request.card();
        return new AccessRequest(new CardKey(new String(card.format()), card.facility(), card.number()),
                new DoorId(new String(request.door().value())), request.at());
    }

    private Set<CardKey> issuedCards() {
        Set<CardKey> issued = new HashSet<>();
        for (Credential credential : credentials) {
            issued.add(credential.card());
        }
        return issued;
    }

    private static List<DoorId> sortedDoors(AccessSnapshot snapshot, AccessLevelId level) {
        return snapshot.level(level).map(l -> l.doors().stream().sorted().toList()).orElse(List.of());
    }

    private static Instant officeHours(Random random) {
        LocalDate day = MONDAY.plusDays(random.nextInt(5));
        LocalTime time = LocalTime.of(7, 0).plusSeconds(random.nextInt(12 * 3_600));
        return day.atTime(time).atZone(ZONE).toInstant();
    }

    private static Instant anytimeInWeek(Random random) {
        return WEEK_START.plusSeconds(random.nextInt(7 * 86_400));
    }

    private static List<Schedule> schedules() {
        List<WeeklyWindow> always = new ArrayList<>();
        List<WeeklyWindow> office = new ArrayList<>();
        List<WeeklyWindow> extended = new ArrayList<>();
        List<WeeklyWindow> night = new ArrayList<>();
        List<WeeklyWindow> weekend = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            always.add(WeeklyWindow.allDay(day));
            if (day.getValue() <= 5) {
                office.add(new WeeklyWindow(day, LocalTime.of(7, 0), LocalTime.of(19, 0)));
            }
            if (day.getValue() <= 6) {
                extended.add(new WeeklyWindow(day, LocalTime.of(6, 0), LocalTime.of(22, 0)));
            }
            night.add(new WeeklyWindow(day, LocalTime.MIDNIGHT, LocalTime.of(6, 0)));
            night.add(new WeeklyWindow(day, LocalTime.of(22, 0), LocalTime.MIDNIGHT));
            if (day.getValue() >= 6) {
                weekend.add(new WeeklyWindow(day, LocalTime.of(8, 0), LocalTime.of(20, 0)));
            }
        }
        return new ArrayList<>(List.of(
                new Schedule(ScheduleId.of("sched-24x7"), ZONE, always),
                new Schedule(ScheduleId.of("sched-office"), ZONE, office),
                new Schedule(ScheduleId.of("sched-extended"), ZONE, extended),
                new Schedule(ScheduleId.of("sched-night"), ZONE, night),
                new Schedule(ScheduleId.of("sched-weekend"), ZONE, weekend)));
    }

    private static List<Door> doors() {
        List<Door> doors = new ArrayList<>(DOORS);
        for (int i = 0; i < DOORS; i++) {
            int area = i / (DOORS / AREAS);
            doors.add(new Door(DoorId.of("door-%03d".formatted(i)), AreaId.of("area-" + area),
                    "Door %d of area %d".formatted(i, area)));
        }
        return doors;
    }

    private static List<AccessLevel> levels(Random random, List<Door> doors, List<Schedule> schedules) {
        int doorsPerArea = DOORS / AREAS;
        List<AccessLevel> levels = new ArrayList<>(LEVELS);
        for (int k = 0; k < LEVELS; k++) {
            Set<DoorId> covered = new HashSet<>();
            String name;
            if (k < AREAS) {
                for (Door door : doors.subList(k * doorsPerArea, (k + 1) * doorsPerArea)) {
                    covered.add(door.id());
                }
                name = k == 0 ? "Site entrance" : "Area " + k;
            } else {
                int size = 4 + random.nextInt(27);
                while (covered.size() < size) {
                    covered.add(doors.get(random.nextInt(DOORS)).id());
                }
                name = "Room group " + k;
            }
            levels.add(new AccessLevel(AccessLevelId.of("level-%02d".formatted(k)), name, covered,
                    schedules.get(k % SCHEDULES).id()));
        }
        return levels;
    }

    private static PersonKind kind(Random random) {
        double r = random.nextDouble();
        return r < 0.80 ? PersonKind.EMPLOYEE : r < 0.95 ? PersonKind.CONTRACTOR : PersonKind.VISITOR;
    }

    private static PersonStatus personStatus(Random random) {
        double r = random.nextDouble();
        return r < 0.97 ? PersonStatus.ACTIVE : r < 0.99 ? PersonStatus.SUSPENDED : PersonStatus.TERMINATED;
    }

    private static Credential credential(Random random, int index, Person person, CredentialStatus status,
                                         Set<CardKey> issued) {
        double r = random.nextDouble();
        int format = r < 0.60 ? 0 : r < 0.80 ? 1 : r < 0.90 ? 2 : 3;
        CardKey card;
        do {
            card = new CardKey(FORMATS[format], FACILITY[format], random.nextInt(1 << NUMBER_BITS[format]));
        } while (!issued.add(card));
        Instant[] validity = validity(random, person.kind());
        return new Credential(CredentialId.of("cred-%05d".formatted(index)), card, person.id(), status,
                validity[0], validity[1]);
    }

    private static AccessAssignment assignment(Random random, Person person, AccessLevelId level) {
        if (person.kind() == PersonKind.EMPLOYEE && random.nextDouble() < 0.95) {
            return AccessAssignment.permanent(person.id(), level);
        }
        Instant[] validity = validity(random, person.kind() == PersonKind.EMPLOYEE ? PersonKind.CONTRACTOR
                : person.kind());
        return new AccessAssignment(person.id(), level, validity[0], validity[1]);
    }

    /** {validFrom, validUntil} around {@link #WEEK_START}; either may be null. */
    private static Instant[] validity(Random random, PersonKind kind) {
        return switch (kind) {
            case EMPLOYEE -> random.nextDouble() < 0.9 ? new Instant[] {null, null}
                    : new Instant[] {null, WEEK_START.plus(Duration.ofDays(-30 + random.nextInt(396)))};
            // from 14..365 days before the week, until 14 days before it (expired) .. 180 days after it
            case CONTRACTOR -> new Instant[] {WEEK_START.minus(Duration.ofDays(14 + random.nextInt(352))),
                WEEK_START.plus(Duration.ofDays(-14 + random.nextInt(195)))};
            case VISITOR -> {
                Instant from = WEEK_START.plus(Duration.ofDays(-2 + random.nextInt(8)));
                yield new Instant[] {from, from.plus(Duration.ofDays(1 + random.nextInt(3)))};
            }
        };
    }
}
