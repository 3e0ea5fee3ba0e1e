package dev.warden.controller.decision;

import dev.warden.contract.Direction;
import dev.warden.controller.access.AccessLevelDoorRepository;
import dev.warden.controller.access.AccessLevelDoorRow;
import dev.warden.controller.access.AccessLevelRepository;
import dev.warden.controller.access.AccessLevelRow;
import dev.warden.controller.access.AssignmentRepository;
import dev.warden.controller.access.AssignmentRow;
import dev.warden.controller.credential.CredentialRepository;
import dev.warden.controller.credential.CredentialRow;
import dev.warden.controller.door.DoorRepository;
import dev.warden.controller.door.DoorRow;
import dev.warden.controller.fingerprint.FingerprintRepository;
import dev.warden.controller.fingerprint.FingerprintRow;
import dev.warden.controller.person.PersonRepository;
import dev.warden.controller.person.PersonRow;
import dev.warden.controller.schedule.ScheduleRepository;
import dev.warden.controller.schedule.ScheduleRow;
import dev.warden.controller.schedule.ScheduleWindowRepository;
import dev.warden.controller.schedule.ScheduleWindowRow;
import dev.warden.controller.schedule.Windows;
import dev.warden.controller.site.SiteRepository;
import dev.warden.policy.AccessAssignment;
import dev.warden.policy.AccessLevel;
import dev.warden.policy.AccessLevelId;
import dev.warden.policy.AccessSnapshot;
import dev.warden.policy.AreaId;
import dev.warden.policy.CardKey;
import dev.warden.policy.Credential;
import dev.warden.policy.CredentialId;
import dev.warden.policy.CredentialStatus;
import dev.warden.policy.Door;
import dev.warden.policy.DoorId;
import dev.warden.policy.Fingerprint;
import dev.warden.policy.FingerprintId;
import dev.warden.policy.FingerprintKey;
import dev.warden.policy.FingerprintStatus;
import dev.warden.policy.Person;
import dev.warden.policy.PersonId;
import dev.warden.policy.PersonKind;
import dev.warden.policy.PersonStatus;
import dev.warden.policy.Schedule;
import dev.warden.policy.ScheduleId;
import dev.warden.policy.SecondFactor;
import dev.warden.policy.WeeklyWindow;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory copy of the access data that decisions read.
 *
 * <p>{@link #current()} is a single volatile read of an immutable {@link IndexView}. Writers call
 * {@link #rebuildAfterCommit()} inside their transaction; once it commits, one background thread reloads every
 * access table in a read transaction, builds a new {@link AccessSnapshot} and swaps it in. Requests that arrive
 * while a rebuild is queued are coalesced into it; a request that arrives while one runs queues one more, so the
 * last committed write is always reflected. A failed rebuild keeps the previous version and retries in 5 s; a
 * change not applied within 30 s turns {@link AccessIndexHealth} DOWN (see {@link RebuildTracker}).
 *
 * <p>Versions increase strictly and stay ahead of the wall clock in milliseconds ({@code max(previous + 1,
 * now)}), so they also increase across restarts.
 */
@Singleton
public class AccessIndex {
    private static final Logger LOG = LoggerFactory.getLogger(AccessIndex.class);
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final SiteRepository sites;
    private final DoorRepository doors;
    private final PersonRepository people;
    private final CredentialRepository credentials;
    private final ScheduleRepository schedules;
    private final ScheduleWindowRepository windows;
    private final AccessLevelRepository levels;
    private final AccessLevelDoorRepository levelDoors;
    private final AssignmentRepository assignments;
    private final FingerprintRepository fingerprints;

    private final AtomicReference<IndexView> current = new AtomicReference<>(IndexView.EMPTY);
    private final AtomicBoolean queued = new AtomicBoolean();
    private final RebuildTracker tracker;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "access-index");
        t.setDaemon(true);
        return t;
    });

    public AccessIndex(TransactionOperations<Connection> transactions, Clock clock, SiteRepository sites,
                       DoorRepository doors, PersonRepository people, CredentialRepository credentials,
                       ScheduleRepository schedules, ScheduleWindowRepository windows, AccessLevelRepository levels,
                       AccessLevelDoorRepository levelDoors, AssignmentRepository assignments,
                       FingerprintRepository fingerprints) {
        this.transactions = transactions;
        this.clock = clock;
        this.sites = sites;
        this.doors = doors;
        this.people = people;
        this.credentials = credentials;
        this.schedules = schedules;
        this.windows = windows;
        this.levels = levels;
        this.levelDoors = levelDoors;
        this.assignments = assignments;
        this.fingerprints = fingerprints;
        this.tracker = new RebuildTracker(clock);
    }

    /** Whether committed changes are reaching the index (for {@link AccessIndexHealth}). */
    RebuildTracker.Status rebuildStatus() {
        return tracker.status();
    }

    /**
     * The first version is built when the index is created, on the creating thread, so that nothing (an MQTT
     * subscriber started early, a test) can ever decide against an empty index while the database has data.
     */
    @PostConstruct
    void initialBuild() {
        rebuild();
    }

    /** The current version; never null. */
    public IndexView current() {
        return current.get();
    }

    public long version() {
        return current.get().version();
    }

    /**
     * Schedules a rebuild for when the current transaction commits (nothing happens on rollback); outside a
     * transaction, schedules it at once. Returns immediately.
     */
    public void rebuildAfterCommit() {
        Optional<? extends TransactionStatus<?>> status = transactions.findTransactionStatus();
        if (status.isPresent() && !status.get().isCompleted()) {
            status.get().registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    requestRebuild();
                }
            });
        } else {
            requestRebuild();
        }
    }

    /** Rebuilds now on the index thread and waits for it (start-up, tests). */
    public IndexView rebuildAndWait(Duration timeout) {
        Future<?> done = worker.submit(this::rebuild);
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.error("Access index rebuild did not complete", e);
        }
        return current();
    }

    void requestRebuild() {
        tracker.requested();
        if (queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                rebuild();
            });
        }
    }

    private synchronized void rebuild() {
        long started = System.nanoTime();
        tracker.started();
        try {
            IndexView previous = current.get();
            long version = Math.max(previous.version() + 1, clock.millis());
            IndexView next = transactions.executeRead(status -> load(version));
            current.set(next);
            tracker.succeeded();
            LOG.info("Access index version {} built in {} ms: {}", version,
                    (System.nanoTime() - started) / 1_000_000, next.snapshot());
        } catch (RuntimeException e) {
            tracker.failed(e);
            LOG.error("Access index rebuild failed; decisions keep using version {}; retrying in {} s",
                    current.get().version(), RETRY.toSeconds(), e);
            worker.schedule(this::requestRebuild, RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private IndexView load(long version) {
        Map<String, ZoneId> zoneBySite = new HashMap<>();
        sites.findAll().forEach(s -> {
            try {
                zoneBySite.put(s.id(), ZoneId.of(s.timeZone()));
            } catch (DateTimeException e) {
                LOG.error("Site {} has an unknown time zone '{}'; its schedules are skipped", s.id(), s.timeZone());
            }
        });

        List<Person> persons = new ArrayList<>();
        Map<String, String> personNames = new HashMap<>();
        for (PersonRow p : people.findAll()) {
            try {
                persons.add(new Person(new PersonId(p.id()), p.displayName(), PersonKind.valueOf(p.kind()),
                        PersonStatus.valueOf(p.status())));
                personNames.put(p.id(), p.displayName());
            } catch (IllegalArgumentException e) {
                LOG.error("Person {} is unusable ({}); skipped", p.id(), e.getMessage());
            }
        }
        Set<PersonId> knownPersons = new HashSet<>();
        persons.forEach(p -> knownPersons.add(p.id()));

        List<Credential> creds = new ArrayList<>();
        for (CredentialRow c : credentials.findAll()) {
            try {
                Credential credential = new Credential(new CredentialId(c.id()),
                        new CardKey(c.format(), c.facility(), c.cardNumber()), new PersonId(c.personId()),
                        CredentialStatus.valueOf(c.status()), c.validFrom(), c.validUntil());
                if (knownPersons.contains(credential.holder())) {
                    creds.add(credential);
                }
            } catch (IllegalArgumentException e) {
                LOG.error("Credential {} is unusable ({}); skipped", c.id(), e.getMessage());
            }
        }

        List<Door> policyDoors = new ArrayList<>();
        Map<String, ReaderBinding> readers = new HashMap<>();
        Map<String, String> doorNames = new HashMap<>();
        for (DoorRow d : doors.findAll()) {
            try {
                policyDoors.add(new Door(new DoorId(d.id()), new AreaId(d.areaId()), d.name(),
                        SecondFactor.valueOf(d.secondFactor())));
            } catch (IllegalArgumentException | NullPointerException e) {
                // fail-secure: a door whose rule cannot be read opens for nobody (UNKNOWN_DOOR)
                LOG.error("Door {} is unusable ({}); every read at it is denied", d.id(), e.getMessage());
            }
            doorNames.put(d.id(), d.name());
            if (d.readerInId() != null) {
                readers.put(d.readerInId(), new ReaderBinding(d.readerInId(), d.id(), Direction.IN, d.unlockMs(),
                        d.agentId()));
            }
            if (d.readerOutId() != null) {
                readers.put(d.readerOutId(), new ReaderBinding(d.readerOutId(), d.id(), Direction.OUT,
                        d.unlockMs(), d.agentId()));
            }
        }

        Map<String, List<WeeklyWindow>> windowsBySchedule = new HashMap<>();
        for (ScheduleWindowRow w : windows.findAll()) {
            try {
                windowsBySchedule.computeIfAbsent(w.scheduleId(), k -> new ArrayList<>())
                        .add(Windows.toPolicy(w.dayOfWeek(), w.startMinute(), w.endMinute()));
            } catch (RuntimeException e) {
                LOG.error("Window {} of schedule {} is unusable ({}); skipped", w.id(), w.scheduleId(), e.getMessage());
            }
        }
        List<Schedule> policySchedules = new ArrayList<>();
        for (ScheduleRow s : schedules.findAll()) {
            ZoneId zone = zoneBySite.get(s.siteId());
            if (zone != null) {
                policySchedules.add(new Schedule(new ScheduleId(s.id()), zone,
                        windowsBySchedule.getOrDefault(s.id(), List.of())));
            }
        }

        Map<String, Set<DoorId>> doorsByLevel = new HashMap<>();
        for (AccessLevelDoorRow ld : levelDoors.findAll()) {
            doorsByLevel.computeIfAbsent(ld.levelId(), k -> new HashSet<>()).add(new DoorId(ld.doorId()));
        }
        List<AccessLevel> policyLevels = new ArrayList<>();
        for (AccessLevelRow l : levels.findAll()) {
            policyLevels.add(new AccessLevel(new AccessLevelId(l.id()), l.name(),
                    doorsByLevel.getOrDefault(l.id(), Set.of()), new ScheduleId(l.scheduleId())));
        }

        List<AccessAssignment> policyAssignments = new ArrayList<>();
        for (AssignmentRow a : assignments.findAll()) {
            try {
                AccessAssignment assignment = new AccessAssignment(new PersonId(a.personId()),
                        new AccessLevelId(a.levelId()), a.validFrom(), a.validUntil());
                if (knownPersons.contains(assignment.person())) {
                    policyAssignments.add(assignment);
                }
            } catch (IllegalArgumentException e) {
                LOG.error("Assignment {} is unusable ({}); skipped", a.id(), e.getMessage());
            }
        }

        List<Fingerprint> policyFingerprints = new ArrayList<>();
        for (FingerprintRow f : fingerprints.findAll()) {
            try {
                Fingerprint fingerprint = new Fingerprint(new FingerprintId(f.id()),
                        new FingerprintKey(f.moduleId(), f.pageId()), new PersonId(f.personId()),
                        FingerprintStatus.valueOf(f.status()));
                if (knownPersons.contains(fingerprint.holder())) {
                    policyFingerprints.add(fingerprint);
                }
            } catch (IllegalArgumentException e) {
                LOG.error("Fingerprint {} is unusable ({}); skipped", f.id(), e.getMessage());
            }
        }

        AccessSnapshot snapshot = AccessSnapshot.of(version, persons, creds, policyDoors, policySchedules,
                policyLevels, policyAssignments, policyFingerprints);
        return new IndexView(snapshot, Map.copyOf(readers), Map.copyOf(doorNames), Map.copyOf(personNames),
                clock.instant());
    }

    @PreDestroy
    void close() {
        worker.shutdownNow();
    }
}
