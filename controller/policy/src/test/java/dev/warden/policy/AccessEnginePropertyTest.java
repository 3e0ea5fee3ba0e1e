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
 * re-activate people, change who may escort, re-register badges or hand them to someone else; badges and visits that
 * end during the sequence), plus 1,500 dense sequences (reads crowded at one door a few seconds apart, so that many
 * held reads are let in after a badge or visit ended or the card changed hands), that
 * <ul>
 *   <li>no grant ever goes to a person who is not ACTIVE in the snapshot of that call (TERMINATED above all);</li>
 *   <li>no {@link PresenceChange.Entered} ever names a person who is not ACTIVE in the snapshot of that call, whether
 *       they read themselves, entered as a waiting visitor, as the held half of a two-person pair, or on a gate
 *       passage after their grant;</li>
 *   <li>every read of a TERMINATED person's credential is signalled {@code TERMINATED_CREDENTIAL};</li>
 *   <li>the engine never grants what {@link AccessPolicy} denies, and reports the policy's denial as it is;</li>
 *   <li>every {@link PresenceChange.Entered} into a door's area (a read, a waiting visitor or held partner let in,
 *       a gate passage) is for someone {@link AccessPolicy} grants an ENTRY at that door at the Entered instant, so
 *       a held read is judged when it is released, never at its old instant; and no Entered at all names a visitor
 *       without an active visit at that instant;</li>
 *   <li>while a person's ENTRY granted at a gate waits for its passage (no passage, forgive, restore or other read
 *       of theirs since, and they were not held anywhere lately), a second ENTRY into a HARD area containing it is
 *       never granted, and into a SOFT one is granted only with a {@code PASSBACK} signal;</li>
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
        Stats stats = run(new Random(0x5EC0_12EL), SEQUENCES, false);
        assertThat(stats.outcomes.keySet()).as("outcomes reached: %s", stats.outcomes).contains("GRANTED",
                "PERSON_TERMINATED", "PERSON_SUSPENDED", "NO_ACTIVE_VISIT", "PASSBACK", "ESCORT_REQUIRED",
                "ESCORT_CAPACITY", "TWO_PERSON_PENDING", "TWO_PERSON_EXIT", "PIN_REQUIRED", "PIN_MISMATCH",
                "LOCKDOWN", "THREAT_LEVEL", "CREDENTIAL_EXPIRED");
        assertThat(stats.enteredWithOthers).as("people entering with another's grant").isGreaterThan(50);
        assertThat(stats.forgottenOnMove).as("gate moves of people no longer active").isGreaterThan(0);
        assertThat(stats.secondEntriesWhileAGateMoveWaits).as("second entries while a gate entry waits")
                .isGreaterThan(20);
    }

    /**
     * The same invariants with the reads crowded at one door a few seconds apart, and badges and visits ending while
     * reads are held: a held read must be judged when it is let in (and for the same person and credential).
     */
    @Test
    void heldReadsAreJudgedWhenTheyAreLetIn() {
        Stats stats = run(new Random(0x0DE_75EL), 1_500, true);
        assertThat(stats.enteredWithOthers).as("people entering with another's grant").isGreaterThan(300);
        assertThat(stats.heldReadsDroppedAtRelease).as("held reads no longer granted when let in")
                .isGreaterThan(20);
    }

    /** What a run reached. */
    private static final class Stats {
        final Map<String, Integer> outcomes = new TreeMap<>();
        int enteredWithOthers;
        int forgottenOnMove;
        int secondEntriesWhileAGateMoveWaits;
        int heldReadsDroppedAtRelease;
    }

    private Stats run(Random random, int sequences, boolean dense) {
        Stats stats = new Stats();
        for (int s = 0; s < sequences; s++) {
            Instant now = BASE.plusSeconds(random.nextInt(3_600));
            World world = World.random(random, now, dense);
            AccessEngine engine = new AccessEngine();
            AccessSnapshot snapshot = world.snapshot();
            Map<PersonId, Move> waitingGateEntry = new java.util.HashMap<>();
            Map<PersonId, Instant> lastHeld = new java.util.HashMap<>();
            Map<PersonId, AccessRequest> heldReads = new java.util.HashMap<>();
            for (int step = 0; step < STEPS; step++) {
                now = now.plusSeconds(dense ? random.nextInt(5)
                        : random.nextInt(10) == 0 ? 40 + random.nextInt(80) : random.nextInt(15));
                int op = random.nextInt(20);
                if (op < 14) {
                    AccessRequest request = world.randomRequest(random, now);
                    AccessResult result = engine.decide(request, snapshot);
                    String where = "sequence " + s + " step " + step;
                    checkRead(request, result, snapshot, where + " " + request.door().value());
                    checkEntered(result.changes(), snapshot, true, where);
                    if (checkGatePassback(request, result, snapshot, waitingGateEntry, lastHeld, where)) {
                        stats.secondEntriesWhileAGateMoveWaits++;
                    }
                    stats.outcomes.merge(result.decision().reasonCode(), 1, Integer::sum);
                    PersonId reader = result.decision() instanceof Decision.Granted g ? g.person() : null;
                    for (PresenceChange change : result.changes()) {
                        if (change instanceof PresenceChange.Entered e && request.direction() == Direction.ENTRY
                                && !e.person().equals(reader)) {
                            stats.enteredWithOthers++;
                        }
                    }
                    String code = result.decision().reasonCode();
                    Credential credential = snapshot.credentialFor(request.card()).orElse(null);
                    if (credential != null && (code.equals("ESCORT_REQUIRED") || code.startsWith("TWO_PERSON_"))) {
                        heldReads.put(credential.holder(), request);
                    } else if (result.decision().granted() && request.direction() == Direction.ENTRY) {
                        // a held read at this door that its holder's card would no longer pass now: dropped
                        for (Map.Entry<PersonId, AccessRequest> held : heldReads.entrySet()) {
                            AccessRequest h = held.getValue();
                            if (h.door().equals(request.door()) && !held.getKey().equals(reader)
                                    && h.at().plusSeconds(60).isAfter(now)
                                    && !(policy.decide(new AccessRequest(h.card(), h.door(), h.direction(), now,
                                    null, h.pin()), snapshot) instanceof Decision.Granted g
                                    && g.person().equals(held.getKey()))) {
                                stats.heldReadsDroppedAtRelease++;
                            }
                        }
                        heldReads.remove(reader);
                    }
                } else if (op < 17) {
                    waitingGateEntry.clear(); // a passage may apply any of them
                    DoorId gate = world.randomDoor(random);
                    PassageResult passage = engine.applyPassage(gate, now, snapshot);
                    checkEntered(passage.changes(), snapshot, false,
                            "sequence " + s + " step " + step + " passage " + gate);
                    for (PresenceChange change : passage.changes()) {
                        if (change instanceof PresenceChange.Forgotten) {
                            stats.forgottenOnMove++;
                        }
                    }
                } else if (op == 17) {
                    PersonId person = world.persons.get(random.nextInt(world.persons.size())).id();
                    waitingGateEntry.remove(person);
                    heldReads.remove(person);
                    if (!(engine.forgive(person, now).getFirst() instanceof PresenceChange.Forgotten)) {
                        fail("forgive must answer Forgotten");
                    }
                } else if (op == 18) {
                    world.mutatePeople(random);
                    snapshot = world.snapshot();
                } else if (random.nextInt(4) == 0) {
                    waitingGateEntry.clear();
                    heldReads.clear();
                    engine.restore(engine.presences());
                }
            }
        }
        return stats;
    }

    /**
     * Tracks each person's ENTRY granted at a gate while nothing else can have moved it, and checks a second ENTRY
     * into a HARD / SOFT area containing it. True when the read was such a second entry.
     */
    private static boolean checkGatePassback(AccessRequest request, AccessResult result, AccessSnapshot snapshot,
                                             Map<PersonId, Move> waitingGateEntry, Map<PersonId, Instant> lastHeld,
                                             String where) {
        Credential credential = snapshot.credentialFor(request.card()).orElse(null);
        Door door = snapshot.door(request.door()).orElseThrow();
        if (credential == null) {
            return false;
        }
        PersonId person = credential.holder();
        Instant at = request.at();
        waitingGateEntry.values().removeIf(m -> m.at().plus(GateMoves.MAX_WAIT).isBefore(at));
        String code = result.decision().reasonCode();
        if (code.equals("ESCORT_REQUIRED") || code.startsWith("TWO_PERSON_")) {
            lastHeld.put(person, at); // may be let in later by someone else's grant: not tracked here
        }
        Move waiting = waitingGateEntry.get(person);
        Instant held = lastHeld.get(person);
        boolean tracked = waiting != null && (held == null || held.plusSeconds(120).isBefore(at));
        Area area = snapshot.area(door.area()).orElseThrow();
        boolean second = tracked && request.direction() == Direction.ENTRY
                && snapshot.isWithin(waiting.doorArea(), area.id())
                && (area.antiPassback() == AntiPassback.HARD || area.antiPassback() == AntiPassback.SOFT);
        if (second && result.decision().granted()) {
            boolean signalled = result.signals().stream().anyMatch(sig -> sig.type() == SignalType.PASSBACK);
            if (area.antiPassback() == AntiPassback.HARD || !signalled) {
                fail(where + ": " + person + " granted into " + area.id() + " (" + area.antiPassback()
                        + ") while the gate entry " + waiting + " waits; signals " + result.signals());
            }
        }
        if (result.decision().granted()) {
            if (request.direction() == Direction.ENTRY && door.kind() == PortalKind.GATE) {
                waitingGateEntry.put(person, new Move(person, Direction.ENTRY, door.id(), door.area(), at, null));
            } else {
                waitingGateEntry.remove(person);
            }
        }
        return second;
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

    /**
     * No Entered of a person who is not ACTIVE; no Entered of a visitor without an active visit; and for a read
     * ({@code decided}), an Entered into a door's area only for someone the policy grants an ENTRY there at that
     * instant (with their right PIN). A gate passage applies a move granted up to 60 s before: there only the status
     * and the visit are checked again.
     */
    private void checkEntered(List<PresenceChange> changes, AccessSnapshot snapshot, boolean decided, String where) {
        for (PresenceChange change : changes) {
            if (change instanceof PresenceChange.Entered entered) {
                Person person = snapshot.person(entered.person()).orElse(null);
                if (person == null || person.status() != PersonStatus.ACTIVE) {
                    fail(where + ": " + entered + " of " + person);
                }
                Presence presence = entered.presence();
                Instant at = presence.since();
                if (person.kind() == PersonKind.VISITOR
                        && snapshot.visitsOf(person.id()).stream().noneMatch(v -> v.activeAt(at))) {
                    fail(where + ": " + entered + " of a visitor without an active visit");
                }
                Door door = snapshot.door(presence.door()).orElseThrow();
                if (decided && door.area().equals(presence.area())) {
                    int i = Integer.parseInt(person.id().value().substring(1));
                    CardKey card = snapshot.credentials().stream().filter(c -> c.holder().equals(person.id()))
                            .findFirst().orElseThrow().card();
                    AccessRequest now = new AccessRequest(card, door.id(), Direction.ENTRY, at, null, "1" + i);
                    Decision decision = policy.decide(now, snapshot);
                    if (!(decision instanceof Decision.Granted g) || !g.person().equals(person.id())) {
                        fail(where + ": " + entered + " but the policy says " + decision + " at that instant");
                    }
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
        final List<Instant> badgeUntil = new ArrayList<>();
        /** Card {@code i} (credential {@code c<i>.<generation>}) is held by person {@code holder[i]}. */
        final int[] holder = {0, 1, 2, 3, 4, 5};
        final int[] generation = new int[6];
        Site site;
        long version = 1;
        boolean dense;

        /**
         * A random world for a sequence starting at {@code start}: some visits and badges end during it. Dense: most
         * reads at the door {@code d0}, and the ends within the first few minutes.
         */
        static World random(Random random, Instant start, boolean dense) {
            World w = new World();
            w.dense = dense;
            int ends = dense ? 150 : 400;
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
                w.badgeUntil.add(random.nextInt(3) == 0 ? start.plusSeconds(random.nextInt(ends)) : null);
                if (kind == PersonKind.VISITOR) {
                    Set<AreaId> allowed = new HashSet<>();
                    allowed.add(AreaId.of(ids[random.nextInt(ids.length)]));
                    if (random.nextBoolean()) {
                        allowed.add(AreaId.of("root"));
                    }
                    w.visits.add(new Visit(VisitId.of("v" + i), PersonId.of("p" + i), PersonId.of("p0"),
                            random.nextInt(6) == 0 ? VisitStatus.REQUESTED : VisitStatus.APPROVED,
                            BASE.minusSeconds(random.nextInt(3_600)), random.nextBoolean()
                            ? start.plusSeconds(random.nextInt(ends)) : BASE.plusSeconds(random.nextInt(4 * 3_600)),
                            allowed));
                }
            }
            return w;
        }

        /** Suspends, terminates or re-activates someone, or changes whether they may escort. */
        void mutatePeople(Random random) {
            if (random.nextInt(5) == 0) {
                // a badge is re-registered (new credential id, same holder) or two badges change hands
                int a = random.nextInt(holder.length);
                int b = random.nextInt(holder.length);
                generation[a]++;
                if (random.nextBoolean() && a != b) {
                    int h = holder[a];
                    holder[a] = holder[b];
                    holder[b] = h;
                    generation[b]++;
                }
                return;
            }
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
                credentials.add(new Credential(CredentialId.of("c" + i + "." + generation[i]),
                        new CardKey("H10301", 1, i), persons.get(holder[i]).id(), CredentialStatus.ACTIVE, null,
                        badgeUntil.get(i)));
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

        /** The main door {@code d0} a third of the time (dense: four fifths), so that escorts, visitors and pairs meet. */
        DoorId randomDoor(Random random) {
            if (dense) {
                return doors.get(random.nextInt(5) == 0 ? random.nextInt(doors.size()) : 0).id();
            }
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
