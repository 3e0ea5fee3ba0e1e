package dev.warden.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Verifies, over 2,000 seeded random sequences of 60 operations each (reads at doors and gates in both directions,
 * with right, wrong and duress PINs; gate passages; forgives; restores; and snapshot swaps that suspend, terminate or
 * re-activate people and change who may escort), that
 * <ul>
 *   <li>no grant ever goes to a person who is not ACTIVE in the snapshot of that call (TERMINATED above all);</li>
 *   <li>no {@link PresenceChange.Entered} ever names a person who is not ACTIVE in the snapshot of that call, whether
 *       they read themselves, entered as a waiting visitor, as the held half of a two-person pair, or on a gate
 *       passage after their grant;</li>
 *   <li>every read of a TERMINATED person's credential is signalled {@code TERMINATED_CREDENTIAL};</li>
 *   <li>the engine never grants what {@link AccessPolicy} denies, and reports the policy's denial as it is;</li>
 *   <li>nothing throws, and the generator reaches the stateful outcomes (passback, escort, two-person, people entering
 *       with someone else's grant, moves dropped for people terminated while waiting).</li>
 * </ul>
 */
class AccessEnginePropertyTest {

    private static final int SEQUENCES = 2_000;
    private static final int STEPS = 60;
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Instant BASE = Instant.parse("2026-03-11T11:00:00Z");

    private final AccessPolicy policy = new AccessPolicy();

    @Test
    void noSequenceEverGrantsOrEntersATerminatedPerson() {
        Random random = new Random(0x5EC0_12EL);
        Map<String, Integer> outcomes = new TreeMap<>();
        int[] enteredWithOthers = {0};
        int[] forgottenOnMove = {0};
        for (int s = 0; s < SEQUENCES; s++) {
            World world = World.random(random);
            AccessEngine engine = new AccessEngine();
            AccessSnapshot snapshot = world.snapshot();
            Instant now = BASE.plusSeconds(random.nextInt(3_600));
            for (int step = 0; step < STEPS; step++) {
                now = now.plusSeconds(random.nextInt(10) == 0 ? 40 + random.nextInt(80) : random.nextInt(15));
                int op = random.nextInt(20);
                if (op < 14) {
                    AccessRequest request = world.randomRequest(random, now);
                    AccessResult result = engine.decide(request, snapshot);
                    String where = "sequence " + s + " step " + step;
                    checkRead(request, result, snapshot, where + " " + request.door().value());
                    checkEntered(result.changes(), snapshot, where);
                    outcomes.merge(result.decision().reasonCode(), 1, Integer::sum);
                    for (PresenceChange change : result.changes()) {
                        if (change instanceof PresenceChange.Entered e && request.direction() == Direction.ENTRY
                                && !e.person().equals(result.decision() instanceof Decision.Granted g ? g.person()
                                : null)) {
                            enteredWithOthers[0]++;
                        }
                    }
                } else if (op < 17) {
                    DoorId gate = world.randomDoor(random);
                    PassageResult passage = engine.applyPassage(gate, now, snapshot);
                    checkEntered(passage.changes(), snapshot, "sequence " + s + " step " + step + " passage " + gate);
                    for (PresenceChange change : passage.changes()) {
                        if (change instanceof PresenceChange.Forgotten) {
                            forgottenOnMove[0]++;
                        }
                    }
                } else if (op == 17) {
                    PersonId person = world.persons.get(random.nextInt(world.persons.size())).id();
                    if (!(engine.forgive(person, now).getFirst() instanceof PresenceChange.Forgotten)) {
                        fail("forgive must answer Forgotten");
                    }
                } else if (op == 18) {
                    world.mutatePeople(random);
                    snapshot = world.snapshot();
                } else if (random.nextInt(4) == 0) {
                    engine.restore(engine.presences());
                }
            }
        }
        assertThat(outcomes.keySet()).as("outcomes reached: %s", outcomes).contains("GRANTED", "PERSON_TERMINATED",
                "PERSON_SUSPENDED", "NO_ACTIVE_VISIT", "PASSBACK", "ESCORT_REQUIRED", "ESCORT_CAPACITY",
                "TWO_PERSON_PENDING", "TWO_PERSON_EXIT", "PIN_REQUIRED", "PIN_MISMATCH", "LOCKDOWN", "THREAT_LEVEL");
        assertThat(enteredWithOthers[0]).as("people entering with another's grant").isGreaterThan(100);
        assertThat(forgottenOnMove[0]).as("gate moves of people no longer active").isGreaterThan(0);
    }

    private void checkRead(AccessRequest request, AccessResult result, AccessSnapshot snapshot, String where) {
        Decision stateless = policy.decide(request, snapshot);
        Credential credential = snapshot.credentialFor(request.card()).orElse(null);
        Person holder = credential == null ? null : snapshot.person(credential.holder()).orElseThrow();
        if (result.decision() instanceof Decision.Granted granted) {
            if (holder == null || holder.status() != PersonStatus.ACTIVE || !granted.person().equals(holder.id())
                    || !stateless.equals(granted)) {
                fail(where + ": granted " + granted + " to " + holder + ", the policy said " + stateless);
            }
        } else if (!stateless.granted() && !result.decision().equals(stateless)) {
            fail(where + ": the engine said " + result.decision() + ", the policy " + stateless);
        }
        boolean terminated = holder != null && holder.status() == PersonStatus.TERMINATED;
        boolean signalled = false;
        for (Signal signal : result.signals()) {
            signalled |= signal.type() == SignalType.TERMINATED_CREDENTIAL;
        }
        if (signalled != terminated) {
            fail(where + ": terminated " + terminated + " but signals " + result.signals());
        }
    }

    private static void checkEntered(List<PresenceChange> changes, AccessSnapshot snapshot, String where) {
        for (PresenceChange change : changes) {
            if (change instanceof PresenceChange.Entered entered) {
                Person person = snapshot.person(entered.person()).orElse(null);
                if (person == null || person.status() != PersonStatus.ACTIVE) {
                    fail(where + ": " + entered + " of " + person);
                }
            }
        }
    }

    /** One random site: four nested areas with random rules, doors and gates, six people, their visits. */
    private static final class World {
        final List<Area> areas = new ArrayList<>();
        final List<Door> doors = new ArrayList<>();
        final List<Person> persons = new ArrayList<>();
        final List<Visit> visits = new ArrayList<>();
        Site site;
        long version = 1;

        static World random(Random random) {
            World w = new World();
            SiteId siteId = SiteId.of("site");
            w.site = new Site(siteId, ZONE, random.nextInt(4) == 0 ? pick(random, ThreatLevel.values())
                    : ThreatLevel.NORMAL, random.nextInt(25) == 0, Duration.ofSeconds(5 + random.nextInt(40)),
                    random.nextInt(3) == 0 ? 2 : 1);
            String[] ids = {"root", "a", "b", "c"};
            String[] parents = {null, "root", "a", "root"};
            for (int i = 0; i < ids.length; i++) {
                AntiPassback mode = pick(random, AntiPassback.values());
                w.areas.add(new Area(AreaId.of(ids[i]), siteId, parents[i] == null ? null : AreaId.of(parents[i]),
                        "Area " + ids[i], false, random.nextInt(20) == 0, mode,
                        mode == AntiPassback.TIMED ? Duration.ofSeconds(10 + random.nextInt(60)) : null,
                        random.nextInt(3) == 0 ? Duration.ofSeconds(5 + random.nextInt(30)) : null));
            }
            for (int i = 0; i < 6; i++) {
                AreaId area = AreaId.of(ids[i % ids.length]);
                w.doors.add(new Door(DoorId.of("d" + i), area, "Door " + i,
                        random.nextInt(5) == 0 ? SecondFactor.PIN : SecondFactor.NONE,
                        random.nextInt(3) == 0 ? PortalKind.GATE : PortalKind.DOOR, null, random.nextInt(4) == 0));
            }
            for (int i = 0; i < 6; i++) {
                // p0, p1: employees who mostly may escort; p4, p5: visitors; p2, p3: either
                PersonKind kind = i >= 4 || (i >= 2 && random.nextBoolean()) ? PersonKind.VISITOR : PersonKind.EMPLOYEE;
                boolean escort = kind != PersonKind.VISITOR && (i < 2 ? random.nextInt(4) != 0 : random.nextBoolean());
                w.persons.add(new Person(PersonId.of("p" + i), "Person " + i, kind,
                        random.nextInt(4) == 0 ? pick(random, PersonStatus.values()) : PersonStatus.ACTIVE,
                        random.nextInt(4), escort, random.nextInt(5) == 0,
                        PinHash.of("1" + i, new byte[] {(byte) i}), PinHash.of("9" + i, new byte[] {(byte) (i + 50)})));
                if (kind == PersonKind.VISITOR) {
                    Set<AreaId> allowed = new HashSet<>();
                    allowed.add(AreaId.of(ids[random.nextInt(ids.length)]));
                    if (random.nextBoolean()) {
                        allowed.add(AreaId.of("root"));
                    }
                    w.visits.add(new Visit(VisitId.of("v" + i), PersonId.of("p" + i), PersonId.of("p0"),
                            random.nextInt(6) == 0 ? VisitStatus.REQUESTED : VisitStatus.APPROVED,
                            BASE.minusSeconds(random.nextInt(3_600)), BASE.plusSeconds(random.nextInt(4 * 3_600)),
                            allowed));
                }
            }
            return w;
        }

        /** Suspends, terminates or re-activates someone, or changes whether they may escort. */
        void mutatePeople(Random random) {
            int i = random.nextInt(persons.size());
            Person p = persons.get(i);
            boolean escortFlip = random.nextInt(4) == 0;
            persons.set(i, new Person(p.id(), p.displayName(), p.kind(),
                    escortFlip ? p.status() : pick(random, PersonStatus.values()), p.clearance(),
                    escortFlip ? !p.mayEscort() : p.mayEscort(), p.lockdownExempt(), p.pin(), p.duressPin()));
        }

        AccessSnapshot snapshot() {
            List<Credential> credentials = new ArrayList<>();
            List<AccessAssignment> assignments = new ArrayList<>();
            Set<DoorId> doorIds = new HashSet<>();
            for (Door door : doors) {
                doorIds.add(door.id());
            }
            for (int i = 0; i < persons.size(); i++) {
                PersonId id = persons.get(i).id();
                credentials.add(new Credential(CredentialId.of("c" + i), new CardKey("H10301", 1, i), id,
                        CredentialStatus.ACTIVE, null, null));
                assignments.add(AccessAssignment.permanent(id, AccessLevelId.of("all")));
            }
            List<WeeklyWindow> always = new ArrayList<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                always.add(WeeklyWindow.allDay(day));
            }
            return AccessSnapshot.builder(version++).sites(List.of(site)).areas(areas).doors(doors).persons(persons)
                    .credentials(credentials).schedules(List.of(new Schedule(ScheduleId.of("always"), ZONE, always)))
                    .levels(List.of(new AccessLevel(AccessLevelId.of("all"), "All", doorIds, ScheduleId.of("always"))))
                    .assignments(assignments).visits(visits).build();
        }

        /** The main door {@code d0} a third of the time, so that escorts, visitors and pairs meet there. */
        DoorId randomDoor(Random random) {
            return doors.get(random.nextInt(3) == 0 ? 0 : random.nextInt(doors.size())).id();
        }

        AccessRequest randomRequest(Random random, Instant at) {
            int i = random.nextInt(persons.size() + 1); // the last one is a card nobody holds
            CardKey card = new CardKey("H10301", 1, i);
            String pin = switch (random.nextInt(5)) {
                case 0, 1 -> "1" + i;
                case 2 -> "9" + i;
                case 3 -> "0000";
                default -> null;
            };
            return new AccessRequest(card, randomDoor(random),
                    random.nextInt(3) == 0 ? Direction.EXIT : Direction.ENTRY, at, null, pin);
        }

        private static <T> T pick(Random random, T[] values) {
            return values[random.nextInt(values.length)];
        }
    }
}
