package dev.warden.controller.occupancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.policy.AreaId;
import dev.warden.policy.CredentialId;
import dev.warden.policy.DoorId;
import dev.warden.policy.PersonId;
import dev.warden.policy.Presence;
import dev.warden.policy.PresenceChange;
import dev.warden.policy.Signal;
import dev.warden.policy.SignalType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Verifies the engine holder: it restores the stored presence when created, hands every change to the journal in
 * order, rewrites the journal from the engine's presence on request, and a failing alarm sink never breaks a call.
 */
class OccupancyTest {
    static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    /** A journal that remembers what it was given. */
    static final class FakeJournal implements PresenceJournal {
        final List<Presence> stored;
        final List<PresenceChange> recorded = new ArrayList<>();
        List<Presence> replaced;
        Runnable resync;

        FakeJournal(List<Presence> stored) {
            this.stored = stored;
        }

        @Override
        public List<Presence> load() {
            return stored;
        }

        @Override
        public void attach(Runnable resync) {
            this.resync = resync;
        }

        @Override
        public void record(List<PresenceChange> changes) {
            recorded.addAll(changes);
        }

        @Override
        public void replace(List<Presence> all) {
            replaced = all;
        }
    }

    static Presence presence(String person, String area) {
        return new Presence(new PersonId(person), new AreaId(area), T, new DoorId("door-" + area), null);
    }

    @Test
    void theStoredPresenceIsRestoredWhenCreated() {
        FakeJournal journal = new FakeJournal(List.of(presence("bob", "hall"), presence("ada", "cage")));
        Occupancy occupancy = new Occupancy(journal, s -> { });
        assertThat(occupancy.presences()).containsExactly(presence("ada", "cage"), presence("bob", "hall"));
        assertThat(journal.replaced).as("nothing to rewrite").isNull();
    }

    @Test
    void aForgivenessIsJournaledAndTheJournalCanAskForEverything() {
        FakeJournal journal = new FakeJournal(List.of(presence("ada", "cage"), presence("bob", "hall")));
        Occupancy occupancy = new Occupancy(journal, s -> { });
        List<PresenceChange> changes = occupancy.forgive(new PersonId("ada"), T.plusSeconds(1));
        assertThat(changes).containsExactly(new PresenceChange.Forgotten(new PersonId("ada"), T.plusSeconds(1)));
        assertThat(journal.recorded).isEqualTo(changes);
        assertThat(occupancy.presences()).containsExactly(presence("bob", "hall"));

        journal.resync.run();
        assertThat(journal.replaced).containsExactly(presence("bob", "hall"));
    }

    @Test
    void aPassageWithNothingWaitingChangesNothing() {
        FakeJournal journal = new FakeJournal(List.of());
        List<Signal> signals = new ArrayList<>();
        Occupancy occupancy = new Occupancy(journal, signals::add);
        assertThat(occupancy.passage(new DoorId("gate"), T, dev.warden.policy.AccessSnapshot.empty())).isEmpty();
        assertThat(journal.recorded).isEmpty();
        assertThat(signals).isEmpty();
    }

    @Test
    void aFailingAlarmSinkNeverBreaksADecision() {
        dev.warden.policy.SiteId site = new dev.warden.policy.SiteId("S");
        dev.warden.policy.Person gone = new dev.warden.policy.Person(new PersonId("gone"), "Gone",
                dev.warden.policy.PersonKind.EMPLOYEE, dev.warden.policy.PersonStatus.TERMINATED);
        dev.warden.policy.AccessSnapshot snapshot = dev.warden.policy.AccessSnapshot.builder(1)
                .sites(List.of(new dev.warden.policy.Site(site, java.time.ZoneId.of("UTC"),
                        dev.warden.policy.ThreatLevel.NORMAL, false, java.time.Duration.ofSeconds(30), 2)))
                .areas(List.of(dev.warden.policy.Area.root(new AreaId("hall"), site, "Hall")))
                .doors(List.of(new dev.warden.policy.Door(new DoorId("d"), new AreaId("hall"), "D")))
                .persons(List.of(gone))
                .credentials(List.of(new dev.warden.policy.Credential(new dev.warden.policy.CredentialId("c"),
                        new dev.warden.policy.CardKey("H10301", 1, 1), gone.id(),
                        dev.warden.policy.CredentialStatus.ACTIVE, null, null)))
                .build();
        List<Signal> tried = new ArrayList<>();
        Occupancy occupancy = new Occupancy(new FakeJournal(List.of()), s -> {
            tried.add(s);
            throw new IllegalStateException("alarms down");
        });
        dev.warden.policy.AccessResult result = occupancy.decide(new dev.warden.policy.AccessRequest(
                new dev.warden.policy.CardKey("H10301", 1, 1), new DoorId("d"), T), snapshot);
        assertThat(result.decision().reasonCode()).isEqualTo("PERSON_TERMINATED");
        assertThat(tried).extracting(Signal::type)
                .containsExactly(dev.warden.policy.SignalType.TERMINATED_CREDENTIAL);
    }

    /** Verifies that an alarm raised from an engine signal says which badge was presented. */
    @Test
    void aSignalsAlarmDetailNamesTheCredential() {
        Signal terminated = new Signal(SignalType.TERMINATED_CREDENTIAL, Instant.EPOCH, new DoorId("d"), null,
                new PersonId("p"), new CredentialId("c-9"), "credential of a terminated person presented");
        assertThat(Occupancy.withCredential(terminated))
                .isEqualTo("credential of a terminated person presented; credential c-9");
        Signal lone = new Signal(SignalType.LONE_OCCUPANT, Instant.EPOCH, new DoorId("d"), new AreaId("cage"),
                new PersonId("p"), null, "one person left");
        assertThat(Occupancy.withCredential(lone)).isEqualTo("one person left");
    }
}
