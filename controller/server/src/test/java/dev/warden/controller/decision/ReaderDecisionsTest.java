package dev.warden.controller.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.contract.CardData;
import dev.warden.contract.Direction;
import dev.warden.contract.FingerprintMatch;
import dev.warden.contract.Verdict;
import dev.warden.controller.alarm.DecidedRead;
import dev.warden.controller.event.AccessEventRow;
import dev.warden.controller.event.EventWriter;
import dev.warden.controller.occupancy.Occupancy;
import dev.warden.controller.occupancy.PresenceJournal;
import dev.warden.policy.AccessAssignment;
import dev.warden.policy.AccessLevel;
import dev.warden.policy.AccessLevelId;
import dev.warden.policy.AccessSnapshot;
import dev.warden.policy.AntiPassback;
import dev.warden.policy.Area;
import dev.warden.policy.AreaId;
import dev.warden.policy.CardKey;
import dev.warden.policy.Credential;
import dev.warden.policy.CredentialId;
import dev.warden.policy.CredentialStatus;
import dev.warden.policy.Door;
import dev.warden.policy.DoorId;
import dev.warden.policy.Factor;
import dev.warden.policy.Fingerprint;
import dev.warden.policy.FingerprintId;
import dev.warden.policy.FingerprintKey;
import dev.warden.policy.FingerprintStatus;
import dev.warden.policy.GrantBasis;
import dev.warden.policy.Person;
import dev.warden.policy.PersonId;
import dev.warden.policy.PersonKind;
import dev.warden.policy.PersonStatus;
import dev.warden.policy.PinHash;
import dev.warden.policy.PortalKind;
import dev.warden.policy.Presence;
import dev.warden.policy.PresenceChange;
import dev.warden.policy.Schedule;
import dev.warden.policy.ScheduleId;
import dev.warden.policy.SecondFactor;
import dev.warden.policy.Signal;
import dev.warden.policy.SignalType;
import dev.warden.policy.Site;
import dev.warden.policy.SiteId;
import dev.warden.policy.ThreatLevel;
import dev.warden.policy.WeeklyWindow;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Verifies how ReaderDecisions asks the access engine and what it records: the reader's side gives the direction,
 * the PIN and finger reach the engine, grants record their factors and basis, a duress grant looks exactly like a
 * normal one to the agent and in the event (the alarm goes out as a signal), the PIN is never stored, every engine
 * signal and every decided read reaches the alarms, and any failure denies.
 */
class ReaderDecisionsTest {
    static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    static final String PIN = "4821";
    static final String DURESS_PIN = "7395";
    static final String AGENT = "agent-1";

    final List<AccessEventRow> rows = new ArrayList<>();
    final List<Signal> signals = new ArrayList<>();
    final List<DecidedRead> reads = new ArrayList<>();
    final MemoryJournal journal = new MemoryJournal();
    final EventWriter events = new EventWriter(null, null, null, 10) {
        @Override
        public boolean submit(AccessEventRow event) {
            rows.add(event);
            return true;
        }
    };
    static final AccessSnapshot SNAPSHOT = snapshot();

    Supplier<IndexView> index = () -> view(SNAPSHOT);
    final ReaderDecisions decisions = new ReaderDecisions(() -> index.get(), events, Clock.fixed(AT, ZoneOffset.UTC),
            new Occupancy(journal, signals::add), reads::add);

    /** The journal as a list (the engine's changes in order). */
    static final class MemoryJournal implements PresenceJournal {
        final List<PresenceChange> changes = new ArrayList<>();

        @Override
        public List<Presence> load() {
            return List.of();
        }

        @Override
        public void attach(Runnable resync) {
            // nothing is ever lost here
        }

        @Override
        public void record(List<PresenceChange> list) {
            changes.addAll(list);
        }

        @Override
        public void replace(List<Presence> all) {
            changes.clear();
        }
    }

    static AccessSnapshot snapshot() {
        SiteId site = new SiteId("S");
        AreaId hall = new AreaId("hall");
        AreaId lab = new AreaId("lab");
        byte[] salt = {1, 2, 3, 4, 5, 6, 7, 8};
        Person ada = new Person(new PersonId("ada"), "Ada", PersonKind.EMPLOYEE, PersonStatus.ACTIVE, 0, false, false,
                PinHash.of(PIN, salt), PinHash.of(DURESS_PIN, salt));
        Person gone = new Person(new PersonId("gone"), "Gone", PersonKind.EMPLOYEE, PersonStatus.TERMINATED);
        List<Door> doors = List.of(
                new Door(new DoorId("d-main"), hall, "Main", SecondFactor.NONE, PortalKind.DOOR, null, false),
                new Door(new DoorId("d-pin"), lab, "Lab keypad", SecondFactor.PIN, PortalKind.DOOR, null, false),
                new Door(new DoorId("d-fp"), lab, "Lab finger", SecondFactor.FINGERPRINT, PortalKind.DOOR, null,
                        false));
        List<WeeklyWindow> always = Arrays.stream(DayOfWeek.values()).map(WeeklyWindow::allDay).toList();
        AccessLevelId level = new AccessLevelId("all");
        return AccessSnapshot.builder(1)
                .sites(List.of(new Site(site, ZoneId.of("Europe/Berlin"), ThreatLevel.NORMAL, false,
                        Duration.ofSeconds(30), 2)))
                .areas(List.of(new Area(hall, site, null, "Hall", false, false, AntiPassback.HARD, null, null),
                        Area.root(lab, site, "Lab")))
                .doors(doors)
                .persons(List.of(ada, gone))
                .credentials(List.of(
                        new Credential(new CredentialId("c-ada"), new CardKey("H10301", 7, 1), ada.id(),
                                CredentialStatus.ACTIVE, null, null),
                        new Credential(new CredentialId("c-gone"), new CardKey("H10301", 7, 9), gone.id(),
                                CredentialStatus.ACTIVE, null, null)))
                .schedules(List.of(new Schedule(new ScheduleId("always"), ZoneId.of("Europe/Berlin"), always)))
                .levels(List.of(new AccessLevel(level, "All", Set.of(new DoorId("d-main"), new DoorId("d-pin"),
                        new DoorId("d-fp")), new ScheduleId("always"))))
                .assignments(List.of(AccessAssignment.permanent(ada.id(), level),
                        AccessAssignment.permanent(gone.id(), level)))
                .fingerprints(List.of(new Fingerprint(new FingerprintId("f-ada"), new FingerprintKey("fp-1", 4),
                        ada.id(), FingerprintStatus.ACTIVE)))
                .build();
    }

    static IndexView view(AccessSnapshot snapshot) {
        Map<String, ReaderBinding> readers = Map.of(
                "r-main-in", new ReaderBinding("r-main-in", "d-main", Direction.IN, 4000, AGENT),
                "r-main-out", new ReaderBinding("r-main-out", "d-main", Direction.OUT, 4000, AGENT),
                "r-pin-in", new ReaderBinding("r-pin-in", "d-pin", Direction.IN, 3000, AGENT),
                "r-fp-in", new ReaderBinding("r-fp-in", "d-fp", Direction.IN, 3000, AGENT));
        return new IndexView(snapshot, readers, Map.of(), Map.of(), Instant.EPOCH);
    }

    private Outcome read(String reader, int card, String pin, Instant at) {
        return decisions.decide(new ReaderAttempt("req-1", reader, null, new CardData("H10301", 7, card), pin, at,
                dev.warden.controller.decision.Source.AGENT, AGENT));
    }

    @Test
    void theReadersSideGivesTheDirection() {
        assertThat(ReaderDecisions.direction(Direction.IN)).isEqualTo(dev.warden.policy.Direction.ENTRY);
        assertThat(ReaderDecisions.direction(Direction.OUT)).isEqualTo(dev.warden.policy.Direction.EXIT);

        assertThat(read("r-main-in", 1, null, AT).verdict()).isEqualTo(Verdict.GRANT);
        assertThat(read("r-main-in", 1, null, AT.plusSeconds(10)).reason()).as("hard passback: already inside")
                .isEqualTo("PASSBACK");
        assertThat(read("r-main-out", 1, null, AT.plusSeconds(20)).verdict()).as("the OUT reader asks for an EXIT")
                .isEqualTo(Verdict.GRANT);
        assertThat(read("r-main-out", 1, null, AT.plusSeconds(30)).reason()).as("hard passback: already outside")
                .isEqualTo("PASSBACK");
        assertThat(read("r-main-in", 1, null, AT.plusSeconds(40)).verdict()).isEqualTo(Verdict.GRANT);

        assertThat(rows).extracting(AccessEventRow::direction).containsExactly("IN", "IN", "OUT", "OUT", "IN");
        assertThat(journal.changes).hasAtLeastOneElementOfType(PresenceChange.Entered.class)
                .hasAtLeastOneElementOfType(PresenceChange.Left.class);
        assertThat(journal.changes.getFirst()).isInstanceOfSatisfying(PresenceChange.Entered.class, e ->
                assertThat(e.presence().area()).isEqualTo(new AreaId("hall")));
    }

    @Test
    void aGrantRecordsItsFactorsAndBasis() {
        Outcome card = read("r-main-in", 1, null, AT);
        assertThat(card).isEqualTo(new Outcome(Verdict.GRANT, "GRANTED", 4000, "d-main", "ada", Set.of(Factor.CARD),
                GrantBasis.ACCESS_LEVEL));
        assertThat(rows.getLast().detail()).isEqualTo("request req-1; factors=CARD basis=ACCESS_LEVEL");

        Outcome finger = decisions.decide(new ReaderAttempt("req-2", "r-fp-in", "d-fp", new CardData("H10301", 7, 1),
                null, AT, dev.warden.controller.decision.Source.AGENT, AGENT, new FingerprintMatch("fp-1", 4, 90)));
        assertThat(finger.factors()).containsExactlyInAnyOrder(Factor.CARD, Factor.FINGERPRINT);
        assertThat(rows.getLast().detail())
                .isEqualTo("request req-2; fingerprint fp-1#4 score 90; factors=CARD+FINGERPRINT basis=ACCESS_LEVEL");
    }

    @Test
    void aPinDoorNeedsTheHoldersPinWhichIsNeverStored() {
        assertThat(read("r-pin-in", 1, null, AT).reason()).isEqualTo("PIN_REQUIRED");
        assertThat(read("r-pin-in", 1, "0000", AT).reason()).isEqualTo("PIN_MISMATCH");
        Outcome granted = read("r-pin-in", 1, PIN, AT);
        assertThat(granted).isEqualTo(new Outcome(Verdict.GRANT, "GRANTED", 3000, "d-pin", "ada",
                Set.of(Factor.CARD, Factor.PIN), GrantBasis.ACCESS_LEVEL));
        assertThat(rows.getLast().detail()).isEqualTo("request req-1; factors=CARD+PIN basis=ACCESS_LEVEL");
        assertThat(rows).allSatisfy(r -> assertThat(r.toString()).doesNotContain(PIN).doesNotContain("0000"));
        assertThat(signals).isEmpty();
    }

    @Test
    void aDuressGrantLooksLikeANormalGrantAndRaisesASilentSignal() {
        Outcome normal = read("r-pin-in", 1, PIN, AT);
        AccessEventRow normalRow = rows.getLast();
        DecidedRead normalRead = reads.getLast();
        assertThat(signals).isEmpty();

        Outcome duress = read("r-pin-in", 1, DURESS_PIN, AT);
        assertThat(duress).as("the agent's answer").isEqualTo(normal);
        assertThat(rows.getLast()).as("the stored event").isEqualTo(normalRow);
        assertThat(reads.getLast()).as("the decided read").isEqualTo(normalRead);
        assertThat(rows).allSatisfy(r -> assertThat(r.toString()).doesNotContain(DURESS_PIN).doesNotContain(PIN)
                .doesNotContainIgnoringCase("duress"));
        assertThat(signals).singleElement().satisfies(s -> {
            assertThat(s.type()).isEqualTo(SignalType.DURESS);
            assertThat(s.person()).isEqualTo(new PersonId("ada"));
            assertThat(s.door()).isEqualTo(new DoorId("d-pin"));
            assertThat(String.valueOf(s.detail())).doesNotContain(DURESS_PIN);
        });
    }

    @Test
    void aDuressPinAtACardOnlyDoorAlsoOpensAndSignals() {
        Outcome duress = read("r-main-in", 1, DURESS_PIN, AT);
        assertThat(duress.verdict()).isEqualTo(Verdict.GRANT);
        assertThat(duress.factors()).as("recorded like a correct PIN").contains(Factor.CARD, Factor.PIN);
        assertThat(signals).extracting(Signal::type).containsExactly(SignalType.DURESS);
    }

    @Test
    void everySignalAndEveryDecidedReadReachesTheAlarms() {
        Outcome terminated = read("r-main-in", 9, null, AT);
        assertThat(terminated).isEqualTo(new Outcome(Verdict.DENY, "PERSON_TERMINATED", 0, "d-main", "gone"));
        assertThat(signals).extracting(Signal::type).containsExactly(SignalType.TERMINATED_CREDENTIAL);
        assertThat(reads.getLast()).isEqualTo(new DecidedRead(AT, "d-main", "r-main-in", "gone", "c-gone", false,
                "PERSON_TERMINATED", 0));

        read("no-such-reader", 1, null, AT);
        assertThat(reads.getLast()).isEqualTo(new DecidedRead(AT, null, "no-such-reader", null, null, false,
                "UNKNOWN_READER", 0));
        read("r-main-in", 1, null, AT);
        assertThat(reads.getLast()).isEqualTo(new DecidedRead(AT, "d-main", "r-main-in", "ada", "c-ada", true,
                "GRANTED", 4000));
        assertThat(reads).hasSize(3);
        assertThat(rows).hasSize(3);
    }

    @Test
    void anyFailureDeniesAndIsStillRecorded() {
        index = () -> {
            throw new IllegalStateException("index broken");
        };
        Outcome outcome = read("r-main-in", 1, PIN, AT);
        assertThat(outcome).isEqualTo(new Outcome(Verdict.DENY, "INTERNAL_ERROR", 0, null, null));
        assertThat(rows).singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo("INTERNAL_ERROR"));
        assertThat(reads).singleElement().satisfies(r -> assertThat(r.granted()).isFalse());
    }

    @Test
    void anAttemptNeverShowsItsPin() {
        ReaderAttempt attempt = new ReaderAttempt("req-1", "r-pin-in", null, new CardData("H10301", 7, 1), PIN, AT,
                dev.warden.controller.decision.Source.AGENT, AGENT);
        assertThat(attempt.toString()).doesNotContain(PIN).contains("pin=***");
        assertThat(new ReaderAttempt("req-1", "r-pin-in", null, new CardData("H10301", 7, 1), null, AT,
                dev.warden.controller.decision.Source.AGENT, AGENT).toString()).contains("pin=none");
    }
}
