package dev.warden.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * An immutable, indexed copy of everything a decision needs, at one version of the access data.
 *
 * <p>Built once by {@link #builder} (or the older {@link #of}): every look-up a decision makes is a hash-map hit, a
 * person's assignments are pre-sorted by access-level id and their visits by visit id, so
 * {@link AccessPolicy#decide} costs O(assignments + visits of the person + depth of the area tree).
 *
 * <p>Building rejects inconsistent input with an {@link IllegalArgumentException} naming the offender:
 * a negative version, null elements, duplicate ids of any kind, two credentials with the same {@link CardKey},
 * a credential whose holder is not among the persons, an assignment for a person not among the persons, two
 * fingerprints with the same {@link FingerprintKey}, a fingerprint whose holder is not among the persons, an area
 * whose site is not among the sites, an area whose parent is not among the areas or belongs to another site, a cycle
 * of parents, a visit whose visitor is not among the persons.
 * Tolerated by design (they can never grant): an assignment naming an access level that is not in the snapshot,
 * a level naming a door that is not in it, a level or free-access door naming an unknown schedule (counts as never
 * open), a visit naming areas that are not in the snapshot. A door whose area is not in the snapshot is tolerated
 * too (snapshots built by {@link #of} have no areas): no area or site rule applies to it, except that a VISITOR
 * entry there can never find an escort (see {@link AccessEngine}).
 */
public final class AccessSnapshot {

    private static final Comparator<AccessAssignment> BY_LEVEL_ID = Comparator.comparing(AccessAssignment::level);

    private static final Comparator<Visit> BY_VISIT_ID = Comparator.comparing(v -> v.id().value());

    private static final AccessSnapshot EMPTY = builder(0).build();

    private final long version;
    private final List<Person> persons;
    private final List<Credential> credentials;
    private final List<Door> doors;
    private final List<Schedule> schedules;
    private final List<AccessLevel> levels;
    private final List<AccessAssignment> assignments;
    private final List<Fingerprint> fingerprints;
    private final List<Area> areas;
    private final List<Site> sites;
    private final List<Visit> visits;

    private final Map<PersonId, Person> personById;
    private final Map<CardKey, Credential> credentialByCard;
    private final Map<DoorId, Door> doorById;
    private final Map<ScheduleId, Schedule> scheduleById;
    private final Map<AccessLevelId, AccessLevel> levelById;
    private final Map<PersonId, List<AccessAssignment>> assignmentsByPerson;
    private final Map<FingerprintKey, Fingerprint> fingerprintByKey;
    private final Map<AreaId, Area> areaById;
    private final Map<SiteId, Site> siteById;
    private final Map<PersonId, List<Visit>> visitsByPerson;

    private AccessSnapshot(Builder b) {
        if (b.version < 0) {
            throw new IllegalArgumentException("snapshot version must be >= 0, was " + b.version);
        }
        this.version = b.version;
        this.persons = copy(b.persons, "persons");
        this.credentials = copy(b.credentials, "credentials");
        this.doors = copy(b.doors, "doors");
        this.schedules = copy(b.schedules, "schedules");
        this.levels = copy(b.levels, "levels");
        this.assignments = copy(b.assignments, "assignments");
        this.fingerprints = copy(b.fingerprints, "fingerprints");
        this.areas = copy(b.areas, "areas");
        this.sites = copy(b.sites, "sites");
        this.visits = copy(b.visits, "visits");

        this.personById = index(persons, Person::id, "person");
        this.doorById = index(doors, Door::id, "door");
        this.scheduleById = index(schedules, Schedule::id, "schedule");
        this.levelById = index(levels, AccessLevel::id, "access level");
        Map<CredentialId, Credential> credentialById = index(credentials, Credential::id, "credential");
        this.credentialByCard = index(credentials, Credential::card, "credential card");
        for (Credential credential : credentialById.values()) {
            if (!personById.containsKey(credential.holder())) {
                throw new IllegalArgumentException("credential " + credential.id().value()
                        + " names holder " + credential.holder().value() + " who is not in the snapshot");
            }
        }
        Map<PersonId, List<AccessAssignment>> byPerson = new HashMap<>();
        for (AccessAssignment assignment : assignments) {
            if (!personById.containsKey(assignment.person())) {
                throw new IllegalArgumentException("access assignment of level " + assignment.level().value()
                        + " names person " + assignment.person().value() + " who is not in the snapshot");
            }
            byPerson.computeIfAbsent(assignment.person(), p -> new ArrayList<>()).add(assignment);
        }
        this.assignmentsByPerson = freeze(byPerson, BY_LEVEL_ID);

        index(fingerprints, Fingerprint::id, "fingerprint");
        this.fingerprintByKey = index(fingerprints, Fingerprint::key, "fingerprint key");
        for (Fingerprint fingerprint : fingerprints) {
            if (!personById.containsKey(fingerprint.holder())) {
                throw new IllegalArgumentException("fingerprint " + fingerprint.id().value()
                        + " names holder " + fingerprint.holder().value() + " who is not in the snapshot");
            }
        }

        this.siteById = index(sites, Site::id, "site");
        this.areaById = index(areas, Area::id, "area");
        for (Area area : areas) {
            if (!siteById.containsKey(area.site())) {
                throw new IllegalArgumentException("area " + area.id().value() + " names site "
                        + area.site().value() + " which is not in the snapshot");
            }
            if (area.parent() != null) {
                Area parent = areaById.get(area.parent());
                if (parent == null) {
                    throw new IllegalArgumentException("area " + area.id().value() + " names parent "
                            + area.parent().value() + " which is not in the snapshot");
                }
                if (!parent.site().equals(area.site())) {
                    throw new IllegalArgumentException("area " + area.id().value() + " of site "
                            + area.site().value() + " has parent " + parent.id().value() + " of site "
                            + parent.site().value());
                }
            }
        }
        for (Area area : areas) {
            Area walk = area;
            for (int depth = 0; walk.parent() != null; depth++) {
                if (depth > areas.size()) {
                    throw new IllegalArgumentException("areas form a cycle through " + area.id().value());
                }
                walk = areaById.get(walk.parent());
            }
        }

        index(visits, Visit::id, "visit");
        Map<PersonId, List<Visit>> visitsOf = new HashMap<>();
        for (Visit visit : visits) {
            if (!personById.containsKey(visit.visitor())) {
                throw new IllegalArgumentException("visit " + visit.id().value() + " names visitor "
                        + visit.visitor().value() + " who is not in the snapshot");
            }
            visitsOf.computeIfAbsent(visit.visitor(), p -> new ArrayList<>()).add(visit);
        }
        this.visitsByPerson = freeze(visitsOf, BY_VISIT_ID);
    }

    /** A builder for a snapshot at {@code version}; every collection defaults to empty. */
    public static Builder builder(long version) {
        return new Builder(version);
    }

    /**
     * Builds a snapshot; the collections are copied.
     *
     * @throws IllegalArgumentException on inconsistent input (see the class comment), naming the offender
     * @throws NullPointerException     when a collection or an element is null
     */
    public static AccessSnapshot of(long version, Collection<Person> persons, Collection<Credential> credentials,
                                    Collection<Door> doors, Collection<Schedule> schedules,
                                    Collection<AccessLevel> levels, Collection<AccessAssignment> assignments) {
        return of(version, persons, credentials, doors, schedules, levels, assignments, List.of());
    }

    /**
     * Builds a snapshot that also knows enrolled fingerprints (second factor of card + fingerprint doors); the
     * collections are copied.
     *
     * @throws IllegalArgumentException on inconsistent input (see the class comment), naming the offender
     * @throws NullPointerException     when a collection or an element is null
     */
    public static AccessSnapshot of(long version, Collection<Person> persons, Collection<Credential> credentials,
                                    Collection<Door> doors, Collection<Schedule> schedules,
                                    Collection<AccessLevel> levels, Collection<AccessAssignment> assignments,
                                    Collection<Fingerprint> fingerprints) {
        return builder(version).persons(persons).credentials(credentials).doors(doors).schedules(schedules)
                .levels(levels).assignments(assignments).fingerprints(fingerprints).build();
    }

    /** A snapshot at version 0 that knows nothing: every request is denied with {@code UNKNOWN_DOOR}. */
    public static AccessSnapshot empty() {
        return EMPTY;
    }

    public long version() {
        return version;
    }

    public Optional<Credential> credentialFor(CardKey card) {
        return Optional.ofNullable(credentialByCard.get(card));
    }

    public Optional<Person> person(PersonId id) {
        return Optional.ofNullable(personById.get(id));
    }

    /** The fingerprint enrolled at {@code key} (module and page), whatever its status. */
    public Optional<Fingerprint> fingerprintFor(FingerprintKey key) {
        return Optional.ofNullable(fingerprintByKey.get(key));
    }

    public Optional<Door> door(DoorId id) {
        return Optional.ofNullable(doorById.get(id));
    }

    public Optional<Schedule> schedule(ScheduleId id) {
        return Optional.ofNullable(scheduleById.get(id));
    }

    public Optional<AccessLevel> level(AccessLevelId id) {
        return Optional.ofNullable(levelById.get(id));
    }

    /** The person's assignments (current or not), sorted by access-level id; empty when none. */
    public List<AccessAssignment> assignmentsOf(PersonId person) {
        return assignmentsByPerson.getOrDefault(person, List.of());
    }

    public Optional<Area> area(AreaId id) {
        return Optional.ofNullable(areaById.get(id));
    }

    public Optional<Site> site(SiteId id) {
        return Optional.ofNullable(siteById.get(id));
    }

    /** The person's visits (whatever their status), sorted by visit id; empty when none. */
    public List<Visit> visitsOf(PersonId person) {
        return visitsByPerson.getOrDefault(person, List.of());
    }

    /**
     * {@code true} when {@code inner} is {@code outer} or nested in it (through any number of parents). An id that
     * is not in the snapshot is within itself only.
     */
    public boolean isWithin(AreaId inner, AreaId outer) {
        AreaId walk = inner;
        for (int depth = 0; walk != null && depth <= areas.size(); depth++) {
            if (walk.equals(outer)) {
                return true;
            }
            Area area = areaById.get(walk);
            walk = area == null ? null : area.parent();
        }
        return false;
    }

    /** The site a door's area belongs to, or empty when the door or its area is not in the snapshot. */
    public Optional<Site> siteOfDoor(DoorId door) {
        return Optional.ofNullable(siteOfDoorOrNull(door));
    }

    public int credentialCount() {
        return credentials.size();
    }

    /** All persons, in input order. */
    public List<Person> persons() {
        return persons;
    }

    /** All credentials, in input order. */
    public List<Credential> credentials() {
        return credentials;
    }

    /** All doors, in input order. */
    public List<Door> doors() {
        return doors;
    }

    /** All schedules, in input order. */
    public List<Schedule> schedules() {
        return schedules;
    }

    /** All access levels, in input order. */
    public List<AccessLevel> levels() {
        return levels;
    }

    /** All assignments, in input order. */
    public List<AccessAssignment> assignments() {
        return assignments;
    }

    /** All enrolled fingerprints, in input order. */
    public List<Fingerprint> fingerprints() {
        return fingerprints;
    }

    /** All areas, in input order. */
    public List<Area> areas() {
        return areas;
    }

    /** All sites, in input order. */
    public List<Site> sites() {
        return sites;
    }

    /** All visits, in input order. */
    public List<Visit> visits() {
        return visits;
    }

    // Null-free direct look-ups for the rules of this package (no Optional on the hot path).

    Credential credentialOrNull(CardKey card) {
        return credentialByCard.get(card);
    }

    Person personOrNull(PersonId id) {
        return personById.get(id);
    }

    Schedule scheduleOrNull(ScheduleId id) {
        return scheduleById.get(id);
    }

    AccessLevel levelOrNull(AccessLevelId id) {
        return levelById.get(id);
    }

    boolean knowsDoor(DoorId id) {
        return doorById.containsKey(id);
    }

    Door doorOrNull(DoorId id) {
        return doorById.get(id);
    }

    Fingerprint fingerprintOrNull(FingerprintKey key) {
        return fingerprintByKey.get(key);
    }

    Area areaOrNull(AreaId id) {
        return areaById.get(id);
    }

    Site siteOrNull(SiteId id) {
        return siteById.get(id);
    }

    Site siteOfDoorOrNull(DoorId id) {
        Door door = doorById.get(id);
        if (door == null) {
            return null;
        }
        Area area = areaById.get(door.area());
        return area == null ? null : siteById.get(area.site());
    }

    @Override
    public String toString() {
        return "AccessSnapshot[version=" + version + ", persons=" + persons.size() + ", credentials="
                + credentials.size() + ", doors=" + doors.size() + ", schedules=" + schedules.size() + ", levels="
                + levels.size() + ", assignments=" + assignments.size() + ", fingerprints=" + fingerprints.size()
                + ", areas=" + areas.size() + ", sites=" + sites.size() + ", visits=" + visits.size() + "]";
    }

    private static <T> List<T> copy(Collection<T> items, String what) {
        Objects.requireNonNull(items, what + " must not be null");
        for (T item : items) {
            Objects.requireNonNull(item, what + " must not contain null");
        }
        return List.copyOf(items);
    }

    private static <T> Map<PersonId, List<T>> freeze(Map<PersonId, List<T>> byPerson, Comparator<T> order) {
        Map<PersonId, List<T>> frozen = new HashMap<>(Math.max(16, byPerson.size() * 2));
        for (Map.Entry<PersonId, List<T>> entry : byPerson.entrySet()) {
            List<T> list = entry.getValue();
            list.sort(order);
            frozen.put(entry.getKey(), List.copyOf(list));
        }
        return frozen;
    }

    private static <K, T> Map<K, T> index(List<T> items, Function<T, K> key, String what) {
        Map<K, T> map = new HashMap<>(Math.max(16, items.size() * 2));
        for (T item : items) {
            K k = key.apply(item);
            if (map.putIfAbsent(k, item) != null) {
                throw new IllegalArgumentException("duplicate " + what + " " + describe(k));
            }
        }
        return map;
    }

    private static String describe(Object key) {
        return switch (key) {
            case PersonId id -> id.value();
            case CredentialId id -> id.value();
            case DoorId id -> id.value();
            case ScheduleId id -> id.value();
            case AccessLevelId id -> id.value();
            case FingerprintId id -> id.value();
            case AreaId id -> id.value();
            case SiteId id -> id.value();
            case VisitId id -> id.value();
            default -> String.valueOf(key);
        };
    }

    /**
     * Collects the contents of a snapshot; {@link #build()} copies and checks them. Each setter replaces what it
     * set before.
     */
    public static final class Builder {
        private final long version;
        private Collection<Person> persons = List.of();
        private Collection<Credential> credentials = List.of();
        private Collection<Door> doors = List.of();
        private Collection<Schedule> schedules = List.of();
        private Collection<AccessLevel> levels = List.of();
        private Collection<AccessAssignment> assignments = List.of();
        private Collection<Fingerprint> fingerprints = List.of();
        private Collection<Area> areas = List.of();
        private Collection<Site> sites = List.of();
        private Collection<Visit> visits = List.of();

        private Builder(long version) {
            this.version = version;
        }

        public Builder persons(Collection<Person> value) {
            persons = value;
            return this;
        }

        public Builder credentials(Collection<Credential> value) {
            credentials = value;
            return this;
        }

        public Builder doors(Collection<Door> value) {
            doors = value;
            return this;
        }

        public Builder areas(Collection<Area> value) {
            areas = value;
            return this;
        }

        public Builder sites(Collection<Site> value) {
            sites = value;
            return this;
        }

        public Builder schedules(Collection<Schedule> value) {
            schedules = value;
            return this;
        }

        public Builder levels(Collection<AccessLevel> value) {
            levels = value;
            return this;
        }

        public Builder assignments(Collection<AccessAssignment> value) {
            assignments = value;
            return this;
        }

        public Builder fingerprints(Collection<Fingerprint> value) {
            fingerprints = value;
            return this;
        }

        public Builder visits(Collection<Visit> value) {
            visits = value;
            return this;
        }

        /**
         * The snapshot.
         *
         * @throws IllegalArgumentException on inconsistent input (see {@link AccessSnapshot}), naming the offender
         * @throws NullPointerException     when a collection or an element is null
         */
        public AccessSnapshot build() {
            return new AccessSnapshot(this);
        }
    }
}
