package dev.warden.controller.occupancy;

import dev.warden.controller.alarm.AlarmInputs;
import dev.warden.policy.AccessEngine;
import dev.warden.policy.AccessRequest;
import dev.warden.policy.AccessResult;
import dev.warden.policy.AccessSnapshot;
import dev.warden.policy.AreaId;
import dev.warden.policy.DoorId;
import dev.warden.policy.PassageResult;
import dev.warden.policy.PersonId;
import dev.warden.policy.Presence;
import dev.warden.policy.PresenceChange;
import dev.warden.policy.Signal;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's one {@link AccessEngine}: every card decision, gate passage and passback forgiveness goes through
 * it, one at a time (the engine is not thread-safe; one lock serialises it). While holding the lock, the presence
 * changes the engine made are handed to the {@link PresenceJournal} (a queue offer, no I/O), so the journal sees them
 * in the engine's order. After the lock is released, the engine's signals go to the alarms ({@link SignalSink}).
 *
 * <p>The engine's presence is restored from the journal when this bean is created, which is before
 * {@code ReaderDecisions} exists (it depends on this bean): no decision is ever made against an empty presence
 * that storage could have filled.
 */
@Singleton
public class Occupancy {
    private static final Logger LOG = LoggerFactory.getLogger(Occupancy.class);

    /** Where engine signals go: {@link AlarmInputs#onSignal} in the application. */
    @FunctionalInterface
    public interface SignalSink {
        void signal(Signal signal);
    }

    private final AccessEngine engine;
    private final ReentrantLock lock = new ReentrantLock();
    private final PresenceJournal journal;
    private final SignalSink signals;

    @Inject
    public Occupancy(PresenceJournal journal, AlarmInputs alarms) {
        this(journal, s -> alarms.onSignal(s.type().name(), s.at(), id(s.door()), id(s.area()), id(s.person()),
                withCredential(s)));
    }

    /** With any signal sink (tests). Restores the presence stored in {@code journal}. */
    public Occupancy(PresenceJournal journal, SignalSink signals) {
        this.journal = journal;
        this.signals = signals;
        List<Presence> stored = journal.load();
        AccessEngine restored = new AccessEngine();
        boolean failed = false;
        try {
            restored.restore(stored);
            LOG.info("Presence restored: {} people inside", stored.size());
        } catch (RuntimeException e) {
            // the doors must work even so: start from "nobody known inside" (anti-passback never denies unknown
            // presence) and make storage match that, rather than keep rows the engine does not believe
            LOG.error("Stored presence of {} people could not be restored; starting with nobody known inside",
                    stored.size(), e);
            restored = new AccessEngine();
            failed = true;
        }
        this.engine = restored;
        journal.attach(this::resyncJournal);
        if (failed) {
            journal.replace(List.of());
        }
    }

    /** Decides a card read (the engine's stateless and stateful rules); signals go to the alarms. */
    public AccessResult decide(AccessRequest request, AccessSnapshot snapshot) {
        AccessResult result;
        lock.lock();
        try {
            result = engine.decide(request, snapshot);
            journal.record(result.changes());
        } finally {
            lock.unlock();
        }
        forward(result.signals());
        return result;
    }

    /** Someone passed the gate {@code door}: applies its oldest pending move; signals go to the alarms. */
    public List<Signal> passage(DoorId door, Instant at, AccessSnapshot snapshot) {
        PassageResult result;
        lock.lock();
        try {
            result = engine.applyPassage(door, at, snapshot);
            journal.record(result.changes());
        } finally {
            lock.unlock();
        }
        forward(result.signals());
        return result.signals();
    }

    /** Forgets the person's passback state (their presence becomes unknown). */
    public List<PresenceChange> forgive(PersonId person, Instant at) {
        List<PresenceChange> changes;
        lock.lock();
        try {
            changes = engine.forgive(person, at);
            journal.record(changes);
        } finally {
            lock.unlock();
        }
        return changes;
    }

    /** Who the engine believes is inside (a copy, sorted by person id). */
    public List<Presence> presences() {
        lock.lock();
        try {
            return engine.presences();
        } finally {
            lock.unlock();
        }
    }

    /** Hands the engine's whole presence to the journal (it lost changes, or it is shutting down). */
    void resyncJournal() {
        lock.lock();
        try {
            journal.replace(engine.presences());
        } finally {
            lock.unlock();
        }
    }

    private void forward(List<Signal> list) {
        for (Signal s : list) {
            try {
                signals.signal(s);
            } catch (RuntimeException e) {
                LOG.error("Signal {} at door {} could not be handed to the alarms", s.type(), id(s.door()), e);
            }
        }
    }

    private static String id(DoorId id) {
        return id == null ? null : id.value();
    }

    private static String id(AreaId id) {
        return id == null ? null : id.value();
    }

    private static String id(PersonId id) {
        return id == null ? null : id.value();
    }

    /** The signal's detail naming the credential used, when there is one (the alarm then says which badge). */
    static String withCredential(Signal s) {
        if (s.credential() == null) {
            return s.detail();
        }
        String credential = "credential " + s.credential().value();
        return s.detail() == null || s.detail().isBlank() ? credential : s.detail() + "; " + credential;
    }
}
