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
import dev.warden.controller.person.PinPepper;
import dev.warden.controller.schedule.ScheduleRepository;
import dev.warden.controller.schedule.ScheduleRow;
import dev.warden.controller.schedule.ScheduleWindowRepository;
import dev.warden.controller.schedule.ScheduleWindowRow;
import dev.warden.controller.schedule.Windows;
import dev.warden.controller.schedule.ScheduleExceptionRepository;
import dev.warden.controller.schedule.ScheduleExceptionRow;
import dev.warden.controller.schedule.ScheduleHolidayWindowRepository;
import dev.warden.controller.schedule.ScheduleHolidayWindowRow;
import dev.warden.controller.site.AreaRepository;
import dev.warden.controller.site.AreaRow;
import dev.warden.controller.site.HolidayRepository;
import dev.warden.controller.site.HolidayRow;
import dev.warden.controller.site.SiteRepository;
import dev.warden.controller.site.SiteRow;
import dev.warden.controller.visit.VisitAreaRepository;
import dev.warden.controller.visit.VisitAreaRow;
import dev.warden.controller.visit.VisitRepository;
import dev.warden.controller.visit.VisitRow;
import dev.warden.policy.AntiPassback;
import dev.warden.policy.Area;
import dev.warden.policy.DayWindow;
import dev.warden.policy.PinHash;
import dev.warden.policy.PortalKind;
import dev.warden.policy.Site;
import dev.warden.policy.SiteId;
import dev.warden.policy.ThreatLevel;
import dev.warden.policy.Visit;
import dev.warden.policy.VisitId;
import dev.warden.policy.VisitStatus;
import java.time.LocalDate;
import java.util.HexFormat;
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
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory copy of the access data that decisions read.
 *
 * <p>{@link #current()} is a single volatile read of an immutable {@link IndexView}. Writers call
 * {@link #rebuildAfterCommit()} inside their transaction; once it commits, one background thread reloads every
 * access table in a read transaction, builds a new {@link AccessSnapshot} (sites, areas, people with their PINs and
 * flags, credentials, doors, schedules with holidays and exceptions, levels, assignments, fingerprints, visits) and
 * swaps it in. Requests that arrive
 * while a rebuild is queued are coalesced into it; a request that arrives while one runs queues one more, so the
 * last committed write is always reflected. A failed rebuild keeps the previous version and retries in 5 s; a
 * change not applied within 30 s turns {@link AccessIndexHealth} DOWN (see {@link RebuildTracker}).
 *
 * <p>Fail closed: a row that cannot be built is left out, logged at ERROR and counted ({@link #unusableRows()}).
 * A door whose area (or that area's site, or an enclosing area) cannot be built is left out too, so every read at
 * it is denied {@code UNKNOWN_DOOR} rather than decided without its lockdown, threat, anti-passback or two-person
 * settings. A visit whose host is not ACTIVE (suspended, terminated, or unusable) is left out, so its visitor is
 * denied {@code NO_ACTIVE_VISIT}. PIN hashes are built with the keyed salt of {@link PinPepper}.
 *
 * <p>Listeners registered with {@link #onSwap} are told of every new version (on the index thread; they must
 * return quickly), e.g. the free-access scheduler, which re-checks its doors at once after a lockdown.
 *
 * <p>Versions increase strictly and stay ahead of the wall clock in milliseconds ({@code max(previous + 1,
 * now)}), so they also increase across restarts.
 */
@Singleton
public class AccessIndex {
    private static final Logger LOG = LoggerFactory.getLogger(AccessIndex.class);
    private static final Duration RETRY = Duration.ofSeconds(5);
    private static final HexFormat HEX = HexFormat.of();

    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final SiteRepository sites;
    private final AreaRepository areaRows;
    private final HolidayRepository holidays;
    private final DoorRepository doors;
    private final PersonRepository people;
    private final CredentialRepository credentials;
    private final ScheduleRepository schedules;
    private final ScheduleWindowRepository windows;
    private final AccessLevelRepository levels;
    private final AccessLevelDoorRepository levelDoors;
    private final AssignmentRepository assignments;
    private final FingerprintRepository fingerprints;
    private final ScheduleHolidayWindowRepository holidayWindows;
    private final ScheduleExceptionRepository exceptions;
    private final VisitRepository visitRows;
    private final VisitAreaRepository visitAreas;
    private final PinPepper pepper;
    private final LongAdder unusable = new LongAdder();
    private final List<Consumer<IndexView>> swapListeners = new CopyOnWriteArrayList<>();

    private final AtomicReference<IndexView> current = new AtomicReference<>(IndexView.EMPTY);
    private final AtomicBoolean queued = new AtomicBoolean();
    private final RebuildTracker tracker;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "access-index");
        t.setDaemon(true);
        return t;
    });

    public AccessIndex(TransactionOperations<Connection> transactions, Clock clock, SiteRepository sites,
                       AreaRepository areaRows, HolidayRepository holidays,
                       DoorRepository doors, PersonRepository people, CredentialRepository credentials,
                       ScheduleRepository schedules, ScheduleWindowRepository windows,
                       ScheduleHolidayWindowRepository holidayWindows, ScheduleExceptionRepository exceptions,
                       AccessLevelRepository levels, AccessLevelDoorRepository levelDoors,
                       AssignmentRepository assignments, FingerprintRepository fingerprints,
                       VisitRepository visitRows, VisitAreaRepository visitAreas, PinPepper pepper) {
        this.transactions = transactions;
        this.clock = clock;
        this.sites = sites;
        this.areaRows = areaRows;
        this.holidays = holidays;
        this.holidayWindows = holidayWindows;
        this.exceptions = exceptions;
        this.visitRows = visitRows;
        this.visitAreas = visitAreas;
        this.pepper = pepper;
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

    /** How many rows were left out of index versions because they could not be built (since start). */
    public long unusableRows() {
        return unusable.sum();
    }

    /** Calls {@code listener} with every new version, on the index thread, after it is in place. */
    public void onSwap(Consumer<IndexView> listener) {
        swapListeners.add(listener);
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
            for (Consumer<IndexView> listener : swapListeners) {
                try {
                    listener.accept(next);
                } catch (RuntimeException e) {
                    LOG.error("An access index listener failed on version {}", version, e);
                }
            }
        } catch (RuntimeException e) {
            tracker.failed(e);
            LOG.error("Access index rebuild failed; decisions keep using version {}; retrying in {} s",
                    current.get().version(), RETRY.toSeconds(), e);
            worker.schedule(this::requestRebuild, RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private IndexView load(long version) {
        List<Site> policySites = new ArrayList<>();
        Map<String, ZoneId> zoneBySite = new HashMap<>();
        for (SiteRow s : sites.findAll()) {
            try {
                ZoneId zone = ZoneId.of(s.timeZone());
                policySites.add(new Site(new SiteId(s.id()), zone, ThreatLevel.valueOf(s.threatLevel()),
                        s.lockedDown(), Duration.ofSeconds(s.escortWindowS()), s.maxVisitorsPerEscort()));
                zoneBySite.put(s.id(), zone);
            } catch (DateTimeException | IllegalArgumentException e) {
                unusable.increment();
                LOG.error("Site {} is unusable ({}); its areas, their doors and its schedules are skipped", s.id(),
                        e.getMessage());
            }
        }
        List<Area> policyAreas = areas(zoneBySite.keySet());
        Set<String> knownAreas = new HashSet<>();
        policyAreas.forEach(a -> knownAreas.add(a.id().value()));

        List<Person> persons = new ArrayList<>();
        Map<String, String> personNames = new HashMap<>();
        for (PersonRow p : people.findAll()) {
            try {
                byte[] salt = p.pinSalt() == null ? null : pepper.saltFor(HEX.parseHex(p.pinSalt()));
                PinHash pin = p.pinHash() == null ? null : new PinHash(salt, HEX.parseHex(p.pinHash()));
                PinHash duress = p.duressPinHash() == null ? null : new PinHash(salt, HEX.parseHex(p.duressPinHash()));
                persons.add(new Person(new PersonId(p.id()), p.displayName(), PersonKind.valueOf(p.kind()),
                        PersonStatus.valueOf(p.status()), p.clearance(), p.mayEscort(), p.lockdownExempt(), pin,
                        duress));
                personNames.put(p.id(), p.displayName());
            } catch (IllegalArgumentException | NullPointerException e) {
                unusable.increment();
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
                unusable.increment();
                LOG.error("Credential {} is unusable ({}); skipped", c.id(), e.getMessage());
            }
        }

        List<Door> policyDoors = new ArrayList<>();
        Map<String, ReaderBinding> readers = new HashMap<>();
        Map<String, String> doorNames = new HashMap<>();
        Map<String, String> doorAgents = new HashMap<>();
        for (DoorRow d : doors.findAll()) {
            try {
                if (!knownAreas.contains(d.areaId())) {
                    // its lockdown, threat level, passback and two-person rules are unknown: decide nothing there
                    throw new IllegalArgumentException("its area " + d.areaId() + " (or that area's site or an "
                            + "enclosing area) is unusable");
                }
                policyDoors.add(new Door(new DoorId(d.id()), new AreaId(d.areaId()), d.name(),
                        SecondFactor.valueOf(d.secondFactor()), PortalKind.valueOf(d.kind()),
                        d.freeAccessScheduleId() == null ? null : new ScheduleId(d.freeAccessScheduleId()),
                        d.threatMarked()));
            } catch (IllegalArgumentException | NullPointerException e) {
                // fail-secure: a door whose rule cannot be read opens for nobody (UNKNOWN_DOOR)
                unusable.increment();
                LOG.error("Door {} is unusable ({}); every read at it is denied", d.id(), e.getMessage());
            }
            doorNames.put(d.id(), d.name());
            if (d.agentId() != null) {
                doorAgents.put(d.id(), d.agentId());
            }
            if (d.readerInId() != null) {
                readers.put(d.readerInId(), new ReaderBinding(d.readerInId(), d.id(), Direction.IN, d.unlockMs(),
                        d.agentId()));
            }
            if (d.readerOutId() != null) {
                readers.put(d.readerOutId(), new ReaderBinding(d.readerOutId(), d.id(), Direction.OUT,
                        d.unlockMs(), d.agentId()));
            }
        }

        List<Schedule> policySchedules = schedules(zoneBySite);

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
                unusable.increment();
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
                unusable.increment();
                LOG.error("Fingerprint {} is unusable ({}); skipped", f.id(), e.getMessage());
            }
        }

        Set<PersonId> activeHosts = new HashSet<>();
        persons.stream().filter(p -> p.status() == PersonStatus.ACTIVE && p.kind() != PersonKind.VISITOR)
                .forEach(p -> activeHosts.add(p.id()));
        List<Visit> policyVisits = visits(knownPersons, activeHosts, knownAreas);

        AccessSnapshot snapshot = AccessSnapshot.builder(version)
                .sites(policySites)
                .areas(policyAreas)
                .persons(persons)
                .credentials(creds)
                .doors(policyDoors)
                .schedules(policySchedules)
                .levels(policyLevels)
                .assignments(policyAssignments)
                .fingerprints(policyFingerprints)
                .visits(policyVisits)
                .build();
        return new IndexView(snapshot, Map.copyOf(readers), Map.copyOf(doorNames), Map.copyOf(personNames),
                clock.instant(), doorAgents);
    }

    /**
     * The areas of usable sites whose whole chain of parents is usable too (the snapshot rejects an area whose
     * parent is missing): an area that cannot be built takes its sub-areas with it, and their doors are left out of
     * the snapshot, so every read at them is denied UNKNOWN_DOOR (fail-secure; see {@link #load}).
     */
    private List<Area> areas(Set<String> usableSites) {
        Map<String, AreaRow> rows = new HashMap<>();
        areaRows.findAll().forEach(a -> rows.put(a.id(), a));
        Map<String, Area> built = new HashMap<>();
        Set<String> unusable = new HashSet<>();
        for (AreaRow row : rows.values()) {
            buildArea(row, rows, usableSites, built, unusable, new HashSet<>());
        }
        List<Area> out = new ArrayList<>(built.values());
        out.sort(java.util.Comparator.comparing(a -> a.id().value()));
        return out;
    }

    private Area buildArea(AreaRow row, Map<String, AreaRow> rows, Set<String> usableSites, Map<String, Area> built,
                           Set<String> unusable, Set<String> path) {
        if (built.containsKey(row.id())) {
            return built.get(row.id());
        }
        if (unusable.contains(row.id()) || !path.add(row.id())) {
            unusable.add(row.id());
            return null;
        }
        try {
            if (!usableSites.contains(row.siteId())) {
                throw new IllegalArgumentException("its site " + row.siteId() + " is unusable");
            }
            if (row.parentId() != null) {
                AreaRow parentRow = rows.get(row.parentId());
                Area parent = parentRow == null ? null
                        : buildArea(parentRow, rows, usableSites, built, unusable, path);
                if (parent == null) {
                    throw new IllegalArgumentException("its parent " + row.parentId() + " is unusable");
                }
            }
            AntiPassback passback = AntiPassback.valueOf(row.antiPassback());
            Area area = new Area(new AreaId(row.id()), new SiteId(row.siteId()),
                    row.parentId() == null ? null : new AreaId(row.parentId()), row.name(), row.restricted(),
                    row.lockedDown(), passback,
                    passback == AntiPassback.TIMED ? Duration.ofSeconds(reentry(row)) : null,
                    row.twoPersonWindowS() == null ? null : Duration.ofSeconds(row.twoPersonWindowS()));
            built.put(row.id(), area);
            return area;
        } catch (IllegalArgumentException | NullPointerException e) {
            this.unusable.increment();
            LOG.error("Area {} is unusable ({}); skipped with its sub-areas and their doors", row.id(),
                    e.getMessage());
            unusable.add(row.id());
            return null;
        }
    }

    private static int reentry(AreaRow row) {
        if (row.passbackReentryS() == null) {
            throw new IllegalArgumentException("TIMED anti-passback without a re-entry time");
        }
        return row.passbackReentryS();
    }

    /** Schedules of usable sites, with their weekly and holiday windows, the site's holidays and dated exceptions. */
    private List<Schedule> schedules(Map<String, ZoneId> zoneBySite) {
        Map<String, List<WeeklyWindow>> windowsBySchedule = new HashMap<>();
        for (ScheduleWindowRow w : windows.findAll()) {
            try {
                windowsBySchedule.computeIfAbsent(w.scheduleId(), k -> new ArrayList<>())
                        .add(Windows.toPolicy(w.dayOfWeek(), w.startMinute(), w.endMinute()));
            } catch (RuntimeException e) {
                unusable.increment();
                LOG.error("Window {} of schedule {} is unusable ({}); skipped", w.id(), w.scheduleId(), e.getMessage());
            }
        }
        Map<String, List<DayWindow>> holidayWindowsBySchedule = new HashMap<>();
        for (ScheduleHolidayWindowRow w : holidayWindows.findAll()) {
            try {
                holidayWindowsBySchedule.computeIfAbsent(w.scheduleId(), k -> new ArrayList<>())
                        .add(Windows.toPolicyDay(w.startMinute(), w.endMinute()));
            } catch (RuntimeException e) {
                unusable.increment();
                LOG.error("Holiday window {} of schedule {} is unusable ({}); skipped", w.id(), w.scheduleId(),
                        e.getMessage());
            }
        }
        Map<String, Map<LocalDate, List<DayWindow>>> exceptionsBySchedule = new HashMap<>();
        for (ScheduleExceptionRow e : exceptions.findAll()) {
            try {
                List<DayWindow> day = exceptionsBySchedule.computeIfAbsent(e.scheduleId(), k -> new HashMap<>())
                        .computeIfAbsent(e.onDate(), k -> new ArrayList<>());
                if (!e.closedAllDay()) {
                    day.add(Windows.toPolicyDay(e.startMinute(), e.endMinute()));
                }
            } catch (RuntimeException ex) {
                // an exception date whose window cannot be read stays (closed) rather than falling back to the week
                unusable.increment();
                LOG.error("Exception {} of schedule {} is unusable ({}); that date counts as closed", e.id(),
                        e.scheduleId(), ex.getMessage());
            }
        }
        Map<String, Set<LocalDate>> holidaysBySite = new HashMap<>();
        for (HolidayRow h : holidays.findAll()) {
            holidaysBySite.computeIfAbsent(h.siteId(), k -> new HashSet<>()).add(h.onDate());
        }
        List<Schedule> out = new ArrayList<>();
        for (ScheduleRow s : schedules.findAll()) {
            ZoneId zone = zoneBySite.get(s.siteId());
            if (zone != null) {
                out.add(new Schedule(new ScheduleId(s.id()), zone, windowsBySchedule.getOrDefault(s.id(), List.of()),
                        holidayWindowsBySchedule.getOrDefault(s.id(), List.of()),
                        holidaysBySite.getOrDefault(s.siteId(), Set.of()),
                        exceptionsBySchedule.getOrDefault(s.id(), Map.of())));
            }
        }
        return out;
    }

    /**
     * Every visit (whatever its status) of a known visitor, with the areas of it that are in the snapshot; a visit
     * whose host is not an ACTIVE non-visitor in the snapshot is left out: a suspended or terminated host's visits
     * stop granting at once (the visitor is denied NO_ACTIVE_VISIT), and grant again if the host is reinstated
     * while the visit's window lasts.
     */
    private List<Visit> visits(Set<PersonId> knownPersons, Set<PersonId> activeHosts, Set<String> knownAreas) {
        Map<String, Set<AreaId>> areasByVisit = new HashMap<>();
        for (VisitAreaRow a : visitAreas.findAll()) {
            if (knownAreas.contains(a.areaId())) {
                areasByVisit.computeIfAbsent(a.visitId(), k -> new HashSet<>()).add(new AreaId(a.areaId()));
            }
        }
        List<Visit> out = new ArrayList<>();
        for (VisitRow v : visitRows.findAll()) {
            try {
                Visit visit = new Visit(new VisitId(v.id()), new PersonId(v.visitorId()), new PersonId(v.hostId()),
                        VisitStatus.valueOf(v.status()), v.validFrom(), v.validUntil(),
                        areasByVisit.getOrDefault(v.id(), Set.of()));
                if (knownPersons.contains(visit.visitor()) && activeHosts.contains(visit.host())) {
                    out.add(visit);
                }
            } catch (IllegalArgumentException | NullPointerException e) {
                unusable.increment();
                LOG.error("Visit {} is unusable ({}); skipped", v.id(), e.getMessage());
            }
        }
        return out;
    }

    @PreDestroy
    void close() {
        worker.shutdownNow();
    }
}
