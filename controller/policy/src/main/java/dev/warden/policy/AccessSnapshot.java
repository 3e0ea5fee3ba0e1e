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
 * <p>Built once by {@link #of}: every look-up a decision makes is a hash-map hit, and a person's assignments are
 * pre-sorted by access-level id, so {@link AccessPolicy#decide} costs O(assignments of the person).
 *
 * <p>{@link #of} rejects inconsistent input with an {@link IllegalArgumentException} naming the offender:
 * a negative version, null elements, duplicate ids of any kind, two credentials with the same {@link CardKey},
 * a credential whose holder is not among the persons, an assignment for a person not among the persons, two
 * fingerprints with the same {@link FingerprintKey}, a fingerprint whose holder is not among the persons.
 * Tolerated by design (they can never grant): an assignment naming an access level that is not in the snapshot,
 * a level naming a door that is not in it, and a level naming an unknown schedule (counts as never open).
 */
public final class AccessSnapshot {

    private static final Comparator<AccessAssignment> BY_LEVEL_ID = Comparator.comparing(AccessAssignment::level);

    private static final AccessSnapshot EMPTY =
            of(0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    private final long version;
    private final List<Person> persons;
    private final List<Credential> credentials;
    private final List<Door> doors;
    private final List<Schedule> schedules;
    private final List<AccessLevel> levels;
    private final List<AccessAssignment> assignments;
    private final List<Fingerprint> fingerprints;

    private final Map<PersonId, Person> personById;
    private final Map<CardKey, Credential> credentialByCard;
    private final Map<DoorId, Door> doorById;
    private final Map<ScheduleId, Schedule> scheduleById;
    private final Map<AccessLevelId, AccessLevel> levelById;
    private final Map<PersonId, List<AccessAssignment>> assignmentsByPerson;
    private final Map<FingerprintKey, Fingerprint> fingerprintByKey;

    private AccessSnapshot(long version, List<Person> persons, List<Credential> credentials, List<Door> doors,
                           List<Schedule> schedules, List<AccessLevel> levels, List<AccessAssignment> assignments,
                           List<Fingerprint> fingerprints) {
        if (version < 0) {
            throw new IllegalArgumentException("snapshot version must be >= 0, was " + version);
        }
        this.version = version;
        this.persons = persons;
        this.credentials = credentials;
        this.doors = doors;
        this.schedules = schedules;
        this.levels = levels;
        this.assignments = assignments;
        this.fingerprints = fingerprints;

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
        Map<PersonId, List<AccessAssignment>> frozen = new HashMap<>(byPerson.size() * 2);
        for (Map.Entry<PersonId, List<AccessAssignment>> entry : byPerson.entrySet()) {
            List<AccessAssignment> list = entry.getValue();
            list.sort(BY_LEVEL_ID);
            frozen.put(entry.getKey(), List.copyOf(list));
        }
        this.assignmentsByPerson = frozen;

        index(fingerprints, Fingerprint::id, "fingerprint");
        this.fingerprintByKey = index(fingerprints, Fingerprint::key, "fingerprint key");
        for (Fingerprint fingerprint : fingerprints) {
            if (!personById.containsKey(fingerprint.holder())) {
                throw new IllegalArgumentException("fingerprint " + fingerprint.id().value()
                        + " names holder " + fingerprint.holder().value() + " who is not in the snapshot");
            }
        }
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
        return new AccessSnapshot(version, copy(persons, "persons"), copy(credentials, "credentials"),
                copy(doors, "doors"), copy(schedules, "schedules"), copy(levels, "levels"),
                copy(assignments, "assignments"), copy(fingerprints, "fingerprints"));
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

    @Override
    public String toString() {
        return "AccessSnapshot[version=" + version + ", persons=" + persons.size() + ", credentials="
                + credentials.size() + ", doors=" + doors.size() + ", schedules=" + schedules.size() + ", levels="
                + levels.size() + ", assignments=" + assignments.size() + ", fingerprints=" + fingerprints.size() + "]";
    }

    private static <T> List<T> copy(Collection<T> items, String what) {
        Objects.requireNonNull(items, what + " must not be null");
        for (T item : items) {
            Objects.requireNonNull(item, what + " must not contain null");
        }
        return List.copyOf(items);
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
            default -> String.valueOf(key);
        };
    }
}
