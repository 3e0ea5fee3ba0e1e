package dev.warden.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Verifies, over 10,000 random snapshots (three requests each, seeded), that
 * <ul>
 *   <li>a TERMINATED or SUSPENDED person, or a credential that is not ACTIVE or not valid at the instant, is never
 *       granted;</li>
 *   <li>a grant always names a level the person holds at that instant, that contains the door and whose schedule
 *       is open at that instant;</li>
 *   <li>a grant at a card + fingerprint door always came with an ACTIVE enrolled finger of the card's holder;</li>
 *   <li>every decision equals the one of a deliberately naive reference evaluation (linear scans, schedules via
 *       {@link ZonedDateTime}), which is written independently of the production code;</li>
 *   <li>{@code decide} never throws, and the generator reaches every outcome.</li>
 * </ul>
 */
class AccessPolicyPropertyTest {

    private static final int SNAPSHOTS = 10_000;
    private static final int REQUESTS_PER_SNAPSHOT = 3;
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
            ZoneId.of("UTC"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Lord_Howe"));
    /** Around the 2026 spring-forward in Europe and the US. */
    private static final Instant[] BASES = {Instant.parse("2026-03-29T01:00:00Z"),
        Instant.parse("2026-03-08T07:00:00Z"), Instant.parse("2026-10-25T01:00:00Z")};

    private final AccessPolicy policy = new AccessPolicy();

    @Test
    void randomSnapshotsAndRequestsKeepTheInvariants() {
        Random random = new Random(0xACCE55L);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < SNAPSHOTS; i++) {
            World world = World.random(random);
            AccessSnapshot snapshot = world.snapshot();
            for (int r = 0; r < REQUESTS_PER_SNAPSHOT; r++) {
                AccessRequest request = world.randomRequest(random);
                Decision decision = policy.decide(request, snapshot);

                assertThat(decision).as("snapshot %d request %s", i, request).isEqualTo(world.reference(request));
                if (decision instanceof Decision.Granted granted) {
                    assertGrantIsJustified(world, request, granted);
                }
                outcomes.merge(decision.reasonCode(), 1, Integer::sum);
            }
        }
        assertThat(outcomes.keySet()).as("outcomes reached: %s", outcomes)
                .containsAll(allOutcomes());
    }

    private static void assertGrantIsJustified(World world, AccessRequest request, Decision.Granted granted) {
        Credential credential = world.credentials.stream()
                .filter(c -> c.card().equals(request.card())).findFirst().orElseThrow();
        Person person = world.persons.stream().filter(p -> p.id().equals(credential.holder())).findFirst()
                .orElseThrow();
        assertThat(credential.status()).isEqualTo(CredentialStatus.ACTIVE);
        assertThat(credential.isValidAt(request.at())).isTrue();
        assertThat(person.status()).isEqualTo(PersonStatus.ACTIVE);
        assertThat(granted.person()).isEqualTo(person.id());
        assertThat(granted.credential()).isEqualTo(credential.id());
        AccessLevel level = world.levels.stream().filter(l -> l.id().equals(granted.level())).findFirst()
                .orElseThrow();
        assertThat(level.doors()).contains(request.door());
        assertThat(world.assignments).anySatisfy(a -> {
            assertThat(a.person()).isEqualTo(person.id());
            assertThat(a.level()).isEqualTo(level.id());
            assertThat(a.isValidAt(request.at())).isTrue();
        });
        Schedule schedule = world.schedules.stream().filter(s -> s.id().equals(level.schedule())).findFirst()
                .orElseThrow();
        assertThat(openByZonedDateTime(schedule, request.at())).isTrue();
        Door door = world.doors.stream().filter(d -> d.id().equals(request.door())).findFirst().orElseThrow();
        if (door.secondFactor() == SecondFactor.FINGERPRINT) {
            assertThat(request.fingerprint()).isNotNull();
            assertThat(world.fingerprints).anySatisfy(f -> {
                assertThat(f.key()).isEqualTo(request.fingerprint());
                assertThat(f.holder()).isEqualTo(person.id());
                assertThat(f.status()).isEqualTo(FingerprintStatus.ACTIVE);
            });
        }
    }

    /** Every outcome of rules 1–6 and 9–10 without PINs: these worlds have no areas, sites, visits or PINs. */
    private static Set<String> allOutcomes() {
        Set<String> all = new HashSet<>();
        all.add(Decision.Granted.CODE);
        for (DenyReason reason : DenyReason.values()) {
            all.add(reason.name());
        }
        for (DenyReason unreachable : List.of(DenyReason.PIN_REQUIRED, DenyReason.PIN_MISMATCH, DenyReason.LOCKDOWN,
                DenyReason.THREAT_LEVEL, DenyReason.PASSBACK, DenyReason.ESCORT_REQUIRED, DenyReason.ESCORT_CAPACITY,
                DenyReason.TWO_PERSON_PENDING, DenyReason.TWO_PERSON_EXIT)) {
            all.remove(unreachable.name());
        }
        return all;
    }

    /** Reference schedule evaluation through ZonedDateTime, independent of {@link Schedule#isOpenAt}. */
    static boolean openByZonedDateTime(Schedule schedule, Instant at) {
        ZonedDateTime local;
        try {
            local = at.atZone(schedule.zone());
        } catch (DateTimeException outOfRange) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return schedule.windows().stream().anyMatch(w -> w.day() == local.getDayOfWeek()
                && !time.isBefore(w.start())
                && (w.end().equals(LocalTime.MIDNIGHT) || time.isBefore(w.end())));
    }

    /** The raw contents of one random snapshot, kept as lists for the reference evaluation. */
    private record World(List<Person> persons, List<Credential> credentials, List<Door> doors,
                         List<Schedule> schedules, List<AccessLevel> levels, List<AccessAssignment> assignments,
                         List<Fingerprint> fingerprints, Instant base) {

        static World random(Random random) {
            Instant base = BASES[random.nextInt(BASES.length)];
            List<Person> persons = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                persons.add(new Person(PersonId.of("p" + i), "Person " + i, pick(random, PersonKind.values()),
                        weighted(random, PersonStatus.ACTIVE, PersonStatus.values())));
            }
            List<Credential> credentials = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                Instant from = random.nextInt(3) == 0 ? near(random, base) : null;
                Instant until = random.nextInt(3) == 0 ? near(random, base) : null;
                if (from != null && until != null && until.isBefore(from)) {
                    Instant swap = from;
                    from = until;
                    until = swap;
                }
                credentials.add(new Credential(CredentialId.of("c" + i), new CardKey("H10301", 1, i),
                        persons.get(random.nextInt(persons.size())).id(),
                        weighted(random, CredentialStatus.ACTIVE, CredentialStatus.values()), from, until));
            }
            List<Door> doors = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                doors.add(new Door(DoorId.of("d" + i), AreaId.of("a" + (i % 2)), "Door " + i,
                        random.nextInt(3) == 0 ? SecondFactor.FINGERPRINT : SecondFactor.NONE));
            }
            List<Schedule> schedules = new ArrayList<>();
            for (int i = 0, n = random.nextInt(4); i < n; i++) {
                schedules.add(randomSchedule(random, ScheduleId.of("s" + i)));
            }
            List<AccessLevel> levels = new ArrayList<>();
            for (int i = 0, n = random.nextInt(4); i < n; i++) {
                Set<DoorId> levelDoors = new HashSet<>();
                for (int d = 0; d < 4; d++) { // d3 is never a door of the site
                    if (random.nextInt(3) != 0) {
                        levelDoors.add(DoorId.of("d" + d));
                    }
                }
                levels.add(new AccessLevel(AccessLevelId.of("l" + random.nextInt(9) + i), "Level " + i, levelDoors,
                        ScheduleId.of("s" + random.nextInt(4)))); // s3 is never a schedule of the site
            }
            List<AccessAssignment> assignments = new ArrayList<>();
            for (int i = 0, n = random.nextInt(6); i < n; i++) {
                AccessLevelId level = !levels.isEmpty() && random.nextInt(6) != 0
                        ? levels.get(random.nextInt(levels.size())).id()
                        : AccessLevelId.of("l-missing");
                Instant from = random.nextInt(4) == 0 ? near(random, base) : null;
                Instant until = random.nextInt(4) == 0 ? near(random, base) : null;
                if (from != null && until != null && until.isBefore(from)) {
                    Instant swap = from;
                    from = until;
                    until = swap;
                }
                assignments.add(new AccessAssignment(persons.get(random.nextInt(persons.size())).id(), level,
                        from, until));
            }
            List<Fingerprint> fingerprints = new ArrayList<>();
            Set<FingerprintKey> enrolled = new HashSet<>();
            for (int i = 0, n = random.nextInt(5); i < n; i++) {
                FingerprintKey key = randomFinger(random);
                if (enrolled.add(key)) {
                    fingerprints.add(new Fingerprint(FingerprintId.of("f" + i), key,
                            persons.get(random.nextInt(persons.size())).id(),
                            weighted(random, FingerprintStatus.ACTIVE, FingerprintStatus.values())));
                }
            }
            return new World(persons, credentials, doors, schedules, levels, assignments, fingerprints, base);
        }

        /** Two modules with pages 0..3: small enough that random requests hit enrolled fingers often. */
        private static FingerprintKey randomFinger(Random random) {
            return new FingerprintKey("m" + random.nextInt(2), random.nextInt(4));
        }

        AccessSnapshot snapshot() {
            return AccessSnapshot.of(1, persons, credentials, doors, schedules, levels, assignments, fingerprints);
        }

        AccessRequest randomRequest(Random random) {
            CardKey card = random.nextInt(12) == 0
                    ? new CardKey("H10301", 1, 99)
                    : credentials.get(random.nextInt(credentials.size())).card();
            DoorId door = random.nextInt(12) == 0 ? DoorId.of("d3") : doors.get(random.nextInt(doors.size())).id();
            Instant at = switch (random.nextInt(5)) {
                case 0 -> edgeOfSomething(random).orElse(near(random, base));
                default -> near(random, base);
            };
            FingerprintKey finger = switch (random.nextInt(4)) {
                case 0 -> null;
                case 1 -> randomFinger(random);
                default -> fingerprints.isEmpty() ? null
                        : fingerprints.get(random.nextInt(fingerprints.size())).key();
            };
            return new AccessRequest(card, door, at, finger);
        }

        /** A validity bound or window edge, give or take a nanosecond. */
        private Optional<Instant> edgeOfSomething(Random random) {
            List<Instant> edges = new ArrayList<>();
            for (Credential c : credentials) {
                if (c.validFrom() != null) {
                    edges.add(c.validFrom());
                }
                if (c.validUntil() != null) {
                    edges.add(c.validUntil());
                }
            }
            for (Schedule s : schedules) {
                for (WeeklyWindow w : s.windows()) {
                    ZonedDateTime local = base.atZone(s.zone());
                    ZonedDateTime day = local.with(java.time.temporal.TemporalAdjusters.nextOrSame(w.day()));
                    edges.add(day.with(w.start()).toInstant());
                    edges.add(w.end().equals(LocalTime.MIDNIGHT)
                            ? day.toLocalDate().plusDays(1).atStartOfDay(s.zone()).toInstant()
                            : day.with(w.end()).toInstant());
                }
            }
            if (edges.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(edges.get(random.nextInt(edges.size())).plusNanos(random.nextInt(3) - 1));
        }

        /** The decision by straightforward linear scans, written down from the rule order in the spec. */
        Decision reference(AccessRequest request) {
            if (doors.stream().noneMatch(d -> d.id().equals(request.door()))) {
                return Decision.Denied.of(DenyReason.UNKNOWN_DOOR);
            }
            Optional<Credential> found = credentials.stream().filter(c -> c.card().equals(request.card())).findFirst();
            if (found.isEmpty()) {
                return Decision.Denied.of(DenyReason.UNKNOWN_CREDENTIAL);
            }
            Credential c = found.get();
            Map<CredentialStatus, DenyReason> statusReasons = new HashMap<>(Map.of(
                    CredentialStatus.SUSPENDED, DenyReason.CREDENTIAL_SUSPENDED,
                    CredentialStatus.REVOKED, DenyReason.CREDENTIAL_REVOKED,
                    CredentialStatus.LOST, DenyReason.CREDENTIAL_LOST,
                    CredentialStatus.SURRENDERED, DenyReason.CREDENTIAL_SURRENDERED));
            if (statusReasons.containsKey(c.status())) {
                return new Decision.Denied(statusReasons.get(c.status()), c.holder(), c.id());
            }
            Instant at = request.at();
            if (c.validFrom() != null && at.compareTo(c.validFrom()) < 0) {
                return new Decision.Denied(DenyReason.CREDENTIAL_NOT_YET_VALID, c.holder(), c.id());
            }
            if (c.validUntil() != null && at.compareTo(c.validUntil()) >= 0) {
                return new Decision.Denied(DenyReason.CREDENTIAL_EXPIRED, c.holder(), c.id());
            }
            Person p = persons.stream().filter(x -> x.id().equals(c.holder())).findFirst().orElseThrow();
            if (p.status() == PersonStatus.TERMINATED) {
                return new Decision.Denied(DenyReason.PERSON_TERMINATED, c.holder(), c.id());
            }
            if (p.status() == PersonStatus.SUSPENDED) {
                return new Decision.Denied(DenyReason.PERSON_SUSPENDED, c.holder(), c.id());
            }
            if (p.kind() == PersonKind.VISITOR) { // these worlds hold no visits
                return new Decision.Denied(DenyReason.NO_ACTIVE_VISIT, c.holder(), c.id());
            }
            Door door = doors.stream().filter(d -> d.id().equals(request.door())).findFirst().orElseThrow();
            if (door.secondFactor() == SecondFactor.FINGERPRINT) {
                if (request.fingerprint() == null) {
                    return new Decision.Denied(DenyReason.SECOND_FACTOR_REQUIRED, c.holder(), c.id());
                }
                boolean confirms = fingerprints.stream()
                        .filter(f -> f.key().moduleId().equals(request.fingerprint().moduleId())
                                && f.key().pageId() == request.fingerprint().pageId())
                        .anyMatch(f -> f.status() == FingerprintStatus.ACTIVE && f.holder().equals(p.id()));
                if (!confirms) {
                    return new Decision.Denied(DenyReason.SECOND_FACTOR_MISMATCH, c.holder(), c.id());
                }
            }
            List<AccessLevel> forDoor = assignments.stream()
                    .filter(a -> a.person().equals(p.id()))
                    .filter(a -> (a.validFrom() == null || at.compareTo(a.validFrom()) >= 0)
                            && (a.validUntil() == null || at.compareTo(a.validUntil()) < 0))
                    .flatMap(a -> levels.stream().filter(l -> l.id().equals(a.level())))
                    .filter(l -> l.doors().contains(request.door()))
                    .toList();
            if (forDoor.isEmpty()) {
                return new Decision.Denied(DenyReason.NO_ACCESS_LEVEL, c.holder(), c.id());
            }
            return forDoor.stream()
                    .filter(l -> schedules.stream().anyMatch(s -> s.id().equals(l.schedule())
                            && openByZonedDateTime(s, at)))
                    .map(AccessLevel::id)
                    .min(Comparator.comparing(AccessLevelId::value))
                    .<Decision>map(level -> new Decision.Granted(p.id(), c.id(), level,
                            fingerMatches(request, p) ? Set.of(Factor.CARD, Factor.FINGERPRINT) : Set.of(Factor.CARD),
                            GrantBasis.ACCESS_LEVEL))
                    .orElse(new Decision.Denied(DenyReason.OUTSIDE_SCHEDULE, c.holder(), c.id()));
        }

        /** The presented finger is an ACTIVE enrolled finger of {@code p} (recorded as a factor at any door). */
        private boolean fingerMatches(AccessRequest request, Person p) {
            return request.fingerprint() != null && fingerprints.stream()
                    .anyMatch(f -> f.key().equals(request.fingerprint()) && f.status() == FingerprintStatus.ACTIVE
                            && f.holder().equals(p.id()));
        }

        private static Schedule randomSchedule(Random random, ScheduleId id) {
            List<WeeklyWindow> windows = new ArrayList<>();
            for (int w = 0, n = random.nextInt(5); w < n; w++) {
                DayOfWeek day = pick(random, DayOfWeek.values());
                LocalTime start = LocalTime.of(random.nextInt(24), random.nextBoolean() ? 0 : 30);
                int hours = 1 + random.nextInt(8);
                LocalTime end = random.nextInt(4) == 0 || start.getHour() + hours >= 24
                        ? LocalTime.MIDNIGHT
                        : start.plusHours(hours);
                windows.add(new WeeklyWindow(day, start, end));
            }
            return new Schedule(id, ZONES.get(random.nextInt(ZONES.size())), windows);
        }

        /** Within four days either side of {@code base}, to the nanosecond. */
        private static Instant near(Random random, Instant base) {
            return base.plusSeconds(random.nextLong(-4 * 86_400, 4 * 86_400)).plusNanos(random.nextInt(1_000_000_000));
        }

        private static <T> T pick(Random random, T[] values) {
            return values[random.nextInt(values.length)];
        }

        /** {@code favourite} two times in three, otherwise any value (including the favourite). */
        private static <T> T weighted(Random random, T favourite, T[] values) {
            return random.nextInt(3) != 0 ? favourite : pick(random, values);
        }
    }
}
