package dev.warden.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The full access decision: {@link AccessPolicy} (stateless rules 1–10), then the stateful rules that need to know
 * what happened before, and the presence ("who is inside") those rules and the muster list read.
 * See {@code docs/policy.md} and {@code docs/decisions/003-stateful-rules-in-an-engine.md}.
 *
 * <ol start="11">
 *   <li>anti-passback per area ({@link PassbackRule}): HARD denies {@code PASSBACK}, SOFT grants and signals
 *       {@link SignalType#PASSBACK}, TIMED denies a re-entry within the area's {@code passbackReentry}; a move waiting
 *       at a gate counts as made;</li>
 *   <li>visitor escort ({@link EscortRule}) on a VISITOR's ENTRY: {@code ESCORT_REQUIRED} (the visitor waits for an
 *       escort's grant at that door) or {@code ESCORT_CAPACITY}; an escort's grant counts only while the escort is
 *       still present (inside the door's area, or their ENTRY waiting at that gate); a door whose area or site is not
 *       in the snapshot has no escort, so a visitor's ENTRY there is always {@code ESCORT_REQUIRED};</li>
 *   <li>two-person areas ({@link TwoPersonRule}): {@code TWO_PERSON_PENDING} / {@code TWO_PERSON_EXIT} until a second
 *       distinct person reads at the same door within the window. Only <em>members</em> count (ACTIVE, not visitors,
 *       in the snapshot of the moment). A visitor with an escort enters only while at least two members are inside
 *       or entering (else {@code TWO_PERSON_PENDING}, waiting like a visitor without escort); a visitor's EXIT is
 *       never held.</li>
 * </ol>
 *
 * <p>Signals: {@link SignalType#TERMINATED_CREDENTIAL} for any read of a TERMINATED person's credential (whatever
 * denied it), {@link SignalType#DURESS} when the holder's duress PIN was typed (whatever the decision),
 * {@code PASSBACK} (SOFT), {@link SignalType#UNESCORTED_VISITOR} when an escort is no longer inside the area of a
 * visitor attached to them, or a visitor passes a gate without their escort inside (the visitor is detached),
 * {@link SignalType#LONE_OCCUPANT} when a two-person area comes to hold exactly one member,
 * {@link SignalType#VISIT_OVERSTAY} once when a visitor believed inside no longer has an active visit (detached).
 *
 * <p>Presence: a grant at a {@link PortalKind#DOOR} moves presence at once (ENTRY → the door's area; EXIT → its
 * parent, or off the site); at a {@link PortalKind#GATE} the move waits for the gate's next {@link #passage} (at most
 * {@code 60 s}). Held reads (a waiting visitor, the first of a pair) are decided again at the instant of their
 * release, against the snapshot of that moment, and must be granted to the same person on the same credential; a
 * move applied for a person who is no longer ACTIVE (or a visitor whose visits all ended) makes their presence
 * unknown instead ({@link PresenceChange.Forgotten}).
 *
 * <p>Not thread-safe: callers serialise every call (one lock around the engine). Time only comes in the arguments.
 */
public final class AccessEngine {

    private static final int[] NO_COUNTS = new int[0];

    private final AccessPolicy policy = new AccessPolicy();
    private final PassbackRule passback = new PassbackRule();
    private final EscortRule escorts = new EscortRule();
    private final TwoPersonRule twoPerson = new TwoPersonRule();
    private final PresenceBook book = new PresenceBook();
    private final GateMoves gates = new GateMoves();
    /** Visitors believed inside or attached to an escort (and restored people until seen not to be visitors). */
    private final Set<PersonId> watchedVisitors = new TreeSet<>();
    /** Visitors whose overstay was already signalled (until a visit of theirs is active again or they are gone). */
    private final Set<PersonId> overstayed = new HashSet<>();

    public AccessEngine() {
    }

    /**
     * Decides a read (rules 1–13), moves presence for a grant at a door (or queues the move at a gate), and reports
     * the signals.
     *
     * @throws NullPointerException when an argument is null
     */
    public AccessResult decide(AccessRequest request, AccessSnapshot snapshot) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(snapshot, "snapshot");
        Instant at = request.at();
        expire(at);
        List<PresenceChange> changes = new ArrayList<>();
        List<Signal> signals = new ArrayList<>();
        List<Signal> visits = sweepVisits(at, snapshot);

        PolicyVerdict verdict = policy.evaluate(request, snapshot);
        Credential credential = snapshot.credentialOrNull(request.card());
        Person holder = credential == null ? null : snapshot.personOrNull(credential.holder());
        Door door = snapshot.doorOrNull(request.door());
        AreaId doorArea = door == null ? null : door.area();
        if (holder != null && holder.status() == PersonStatus.TERMINATED) {
            signals.add(new Signal(SignalType.TERMINATED_CREDENTIAL, at, request.door(), doorArea, holder.id(),
                    credential.id(), "credential of a terminated person presented"));
        }
        if (verdict.duress()) {
            signals.add(new Signal(SignalType.DURESS, at, request.door(), doorArea, holder.id(), credential.id(),
                    "duress PIN entered"));
        }
        if (!(verdict.decision() instanceof Decision.Granted granted)) {
            return result(verdict.decision(), changes, signals, visits);
        }
        Area area = snapshot.areaOrNull(doorArea);
        Direction direction = request.direction();

        // 11 anti-passback (a move waiting at a gate counts as made)
        if (area != null) {
            switch (passback.check(area, direction, holder.id(), at, book, gates, snapshot)) {
                case DENY -> {
                    return result(Decision.Denied.of(DenyReason.PASSBACK, credential), changes, signals, visits);
                }
                case SIGNAL -> signals.add(new Signal(SignalType.PASSBACK, at, door.id(), area.id(), holder.id(),
                        credential.id(), (direction == Direction.ENTRY ? "entry into " : "exit from ")
                                + area.id().value() + " against the believed presence"));
                case PASS -> {
                    // nothing to do
                }
            }
        }

        // 12 visitor escort
        PersonId escort = null;
        if (holder.kind() == PersonKind.VISITOR && direction == Direction.ENTRY) {
            EscortRule.Match match = findEscort(request, holder, credential, door, area, snapshot);
            if (match.escort() == null) {
                return result(Decision.Denied.of(match.reason(), credential), changes, signals, visits);
            }
            escort = match.escort();
        }

        // 13 two-person: members pair up; a visitor with an escort needs two members inside or entering
        List<Move> moves = new ArrayList<>(2);
        if (area != null && area.twoPerson()) {
            DenyReason held;
            if (escort != null) {
                held = twoMembersFor(area, at, snapshot, moves) ? null : DenyReason.TWO_PERSON_PENDING;
                if (held != null) {
                    Site site = snapshot.siteOrNull(area.site()); // known: an escort was found
                    escorts.hold(door.id(), new Pending(holder.id(), credential.id(), request,
                            Windows.plus(at, site.escortWindow())));
                }
            } else {
                held = pairUp(request, holder, credential, door, area, snapshot, moves);
            }
            if (held != null) {
                return result(Decision.Denied.of(held, credential), changes, signals, visits);
            }
        }

        // granted: the person waits for nobody any more
        escorts.stopWaiting(holder.id());
        twoPerson.forget(holder.id());
        PersonId moveEscort = escort != null ? escort
                : holder.kind() == PersonKind.VISITOR ? escorts.escortOf(holder.id()) : null;
        moves.add(new Move(holder.id(), direction, door.id(), door.area(), at, moveEscort));
        if (direction == Direction.ENTRY) {
            takeWaitingVisitors(moves, door, area, at, snapshot);
        }
        if (door.kind() == PortalKind.GATE) {
            for (int i = 0, n = moves.size(); i < n; i++) {
                gates.add(moves.get(i));
            }
        } else {
            apply(moves, at, snapshot, changes, signals);
        }
        return granted(granted, changes, signals, visits, moves.size());
    }

    /**
     * A passage through a gate: applies the oldest move granted there that waits for it (at most 60 s old).
     *
     * @return the signals it caused; the presence changes are in {@link #applyPassage}
     * @throws NullPointerException when an argument is null
     */
    public List<Signal> passage(DoorId door, Instant at, AccessSnapshot snapshot) {
        return applyPassage(door, at, snapshot).signals();
    }

    /**
     * A passage through a gate: applies the oldest move granted there that waits for it (at most 60 s old; older ones
     * are dropped). A passage with nothing waiting changes nothing (tailgating is the alarms' business).
     *
     * @return the presence changes and signals it caused
     * @throws NullPointerException when an argument is null
     */
    public PassageResult applyPassage(DoorId door, Instant at, AccessSnapshot snapshot) {
        Objects.requireNonNull(door, "door");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(snapshot, "snapshot");
        List<PresenceChange> changes = new ArrayList<>();
        List<Signal> signals = new ArrayList<>();
        List<Signal> visits = sweepVisits(at, snapshot);
        Move move = gates.next(door, at);
        if (move != null) {
            apply(List.of(move), at, snapshot, changes, signals);
        }
        signals.addAll(visits);
        return new PassageResult(changes, signals);
    }

    /**
     * Forgets where the person is: presence unknown, last entries forgotten, waiting reads and pending gate moves
     * dropped. A forgiven visitor stays attached to their escort (they still count against the escort's capacity)
     * until they are seen leaving the site, their visits end, or the escort leaves the site.
     *
     * @return one {@link PresenceChange.Forgotten}
     * @throws NullPointerException when an argument is null
     */
    public List<PresenceChange> forgive(PersonId person, Instant at) {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(at, "at");
        book.forget(person);
        escorts.stopWaiting(person);
        twoPerson.forget(person);
        gates.forget(person);
        return List.of(new PresenceChange.Forgotten(person, at));
    }

    /**
     * Replaces all state by {@code presences} (at start-up, from storage): everybody else is unknown, nothing waits.
     * A presence's {@code since} counts as the last entry into its area (TIMED anti-passback); a visitor's
     * {@code escort} is attached again. A later presence of the same person replaces an earlier one.
     *
     * @throws NullPointerException when the collection or an element is null
     */
    public void restore(Collection<Presence> presences) {
        Objects.requireNonNull(presences, "presences");
        for (Presence presence : presences) {
            Objects.requireNonNull(presence, "presences must not contain null");
        }
        book.clear();
        escorts.clear();
        twoPerson.clear();
        gates.clear();
        watchedVisitors.clear();
        overstayed.clear();
        for (Presence presence : presences) {
            book.enter(presence, true);
            watchedVisitors.add(presence.person()); // who is a visitor is known at the next call (snapshot)
            if (presence.escort() != null) {
                escorts.attach(presence.person(), presence.escort());
            } else {
                escorts.detach(presence.person());
            }
        }
    }

    /** Everybody believed inside an area, sorted by person id (a copy). */
    public List<Presence> presences() {
        return book.presences();
    }

    // --- internals -------------------------------------------------------------------------------------------

    private static AccessResult result(Decision decision, List<PresenceChange> changes, List<Signal> signals,
                                       List<Signal> visits) {
        signals.addAll(visits);
        return new AccessResult(decision, changes, signals);
    }

    private static AccessResult granted(Decision.Granted decision, List<PresenceChange> changes, List<Signal> signals,
                                        List<Signal> visits, int admits) {
        signals.addAll(visits);
        return new AccessResult(decision, changes, signals, admits);
    }

    private void expire(Instant now) {
        escorts.expire(now);
        twoPerson.expire(now);
        gates.expire(now);
    }

    /**
     * Visitors whose visits all ended at {@code now}: detached from their escort (the slot is free again) and, when
     * still believed inside, signalled {@link SignalType#VISIT_OVERSTAY} once. They stay on the muster list. Visitors
     * no longer in the snapshot (or no longer visitors) are detached silently.
     */
    private List<Signal> sweepVisits(Instant now, AccessSnapshot snapshot) {
        if (watchedVisitors.isEmpty()) {
            return new ArrayList<>(0);
        }
        List<Signal> signals = new ArrayList<>(0);
        for (Iterator<PersonId> it = watchedVisitors.iterator(); it.hasNext(); ) {
            PersonId visitor = it.next();
            Presence where = book.presenceOf(visitor);
            Person person = snapshot.personOrNull(visitor);
            if (person == null || person.kind() != PersonKind.VISITOR) {
                escorts.detach(visitor);
                overstayed.remove(visitor);
                it.remove();
                continue;
            }
            if (where == null && escorts.escortOf(visitor) == null) {
                overstayed.remove(visitor);
                it.remove();
                continue;
            }
            if (hasActiveVisit(visitor, now, snapshot)) {
                overstayed.remove(visitor);
                continue;
            }
            escorts.detach(visitor);
            if (where == null) {
                it.remove(); // forgiven: nothing more to watch
            } else if (overstayed.add(visitor)) {
                signals.add(overstay(visitor, now, where.door(), where.area(),
                        "still believed inside " + where.area().value()));
            }
        }
        return signals;
    }

    private static Signal overstay(PersonId visitor, Instant at, DoorId door, AreaId area, String where) {
        return new Signal(SignalType.VISIT_OVERSTAY, at, door, area, visitor, null,
                "no active visit of " + visitor.value() + " any more; " + where);
    }

    private static boolean hasActiveVisit(PersonId visitor, Instant at, AccessSnapshot snapshot) {
        for (Visit visit : snapshot.visitsOf(visitor)) {
            if (visit.activeAt(at)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A held read may still pass at {@code now}: rules 1–10 decided again at {@code now} against today's snapshot,
     * granted to the same person on the same credential, and rule 11 against today's presence.
     */
    private boolean stillPasses(Pending held, Instant now, AccessSnapshot snapshot) {
        AccessRequest r = held.request();
        AccessRequest again = new AccessRequest(r.card(), r.door(), r.direction(), now, r.fingerprint(), r.pin());
        if (!(policy.decide(again, snapshot) instanceof Decision.Granted granted)
                || !granted.person().equals(held.person()) || !granted.credential().equals(held.credential())) {
            return false;
        }
        Area area = snapshot.areaOrNull(snapshot.doorOrNull(r.door()).area());
        return area == null || passback.check(area, r.direction(), held.person(), now, book, gates, snapshot)
                != PassbackRule.Outcome.DENY;
    }

    /** Rule 12 for a visitor's ENTRY: the escort, or why there is none (a visitor without one waits). */
    private EscortRule.Match findEscort(AccessRequest request, Person visitor, Credential credential, Door door,
                                        Area area, AccessSnapshot snapshot) {
        Site site = area == null ? null : snapshot.siteOrNull(area.site());
        if (site == null) {
            return new EscortRule.Match(null, DenyReason.ESCORT_REQUIRED); // no site, no escort window: never
        }
        Instant at = request.at();
        EscortRule.Match match = escorts.find(door.id(), visitor.id(), at, site, snapshot,
                availability(door, at, snapshot, List.of()));
        if (match.escort() == null && match.reason() == DenyReason.ESCORT_REQUIRED) {
            escorts.hold(door.id(), new Pending(visitor.id(), credential.id(), request,
                    Windows.plus(at, site.escortWindow())));
        }
        return match;
    }

    /** Escorts at {@code door}: present when inside its area or entering at that gate; load includes the batch. */
    private EscortRule.Availability availability(Door door, Instant at, AccessSnapshot snapshot, List<Move> batch) {
        return new EscortRule.Availability() {
            @Override
            public boolean present(PersonId escort) {
                return book.believedInside(escort, door.area(), snapshot) || gates.entersAt(escort, door.id(), at);
            }

            @Override
            public int load(PersonId escort, PersonId except) {
                return loadOf(escort, except, at, batch);
            }
        };
    }

    /**
     * The visitors {@code escort} has, other than {@code except}: attached, on their way in with them at a gate, or
     * entering with them in {@code batch} (moves not applied yet).
     */
    private int loadOf(PersonId escort, PersonId except, Instant at, List<Move> batch) {
        Set<PersonId> coming = gates.visitorsOnTheWayWith(escort, except, escorts, at);
        int load = escorts.attachedCount(escort, except) + coming.size();
        for (int i = 0, n = batch.size(); i < n; i++) {
            Move move = batch.get(i);
            if (escort.equals(move.escort()) && move.direction() == Direction.ENTRY
                    && !move.person().equals(except) && !escort.equals(escorts.escortOf(move.person()))
                    && !coming.contains(move.person())) {
                load++;
            }
        }
        return load;
    }

    /**
     * Rule 13 for a visitor: at least two distinct members are believed inside {@code area}, have an ENTRY into it
     * waiting at a gate, or enter it with {@code batch}.
     */
    private boolean twoMembersFor(Area area, Instant at, AccessSnapshot snapshot, List<Move> batch) {
        if (book.countMembers(area.id(), snapshot, null, null) >= 2) {
            return true;
        }
        Set<PersonId> members = new HashSet<>(4);
        for (Presence presence : book.presences()) {
            if (snapshot.isWithin(presence.area(), area.id()) && PresenceBook.isMember(presence.person(), snapshot)) {
                members.add(presence.person());
            }
        }
        gates.forEachEntry(at, move -> {
            if (snapshot.isWithin(move.doorArea(), area.id()) && PresenceBook.isMember(move.person(), snapshot)) {
                members.add(move.person());
            }
        });
        for (int i = 0, n = batch.size(); i < n; i++) {
            Move move = batch.get(i);
            if (move.direction() == Direction.ENTRY && snapshot.isWithin(move.doorArea(), area.id())
                    && PresenceBook.isMember(move.person(), snapshot)) {
                members.add(move.person());
            }
        }
        return members.size() >= 2;
    }

    /**
     * Rule 13 at a two-person area's door for a member: null when the read may pass (the partner's move, if any,
     * added to {@code moves}), else the reason it is held.
     */
    private DenyReason pairUp(AccessRequest request, Person person, Credential credential, Door door, Area area,
                              AccessSnapshot snapshot, List<Move> moves) {
        Direction direction = request.direction();
        Instant at = request.at();
        if (direction == Direction.EXIT && (!PresenceBook.isMember(person.id(), snapshot)
                || book.countMembers(area.id(), snapshot, person.id(), null) != 1)) {
            return null; // a visitor, or leaving does not leave exactly one member inside
        }
        Pending partner = twoPerson.partner(door.id(), direction, person.id(), at, area.twoPersonWindow());
        if (partner != null && !stillPasses(partner, at, snapshot)) {
            twoPerson.release(door.id(), direction, partner); // no longer passes: never pairs again
            partner = null;
        }
        boolean together = partner != null && (direction == Direction.ENTRY
                || book.countMembers(area.id(), snapshot, person.id(), partner.person()) != 1);
        if (!together) {
            twoPerson.hold(door.id(), direction, new Pending(person.id(), credential.id(), request,
                    Windows.plus(at, area.twoPersonWindow())));
            return direction == Direction.ENTRY ? DenyReason.TWO_PERSON_PENDING : DenyReason.TWO_PERSON_EXIT;
        }
        twoPerson.release(door.id(), direction, partner);
        moves.add(new Move(partner.person(), direction, door.id(), door.area(), at,
                escorts.escortOf(partner.person())));
        return null;
    }

    /** Rule 12, escort first: the people entering with this grant who may escort take waiting visitors along. */
    private void takeWaitingVisitors(List<Move> moves, Door door, Area area, Instant at, AccessSnapshot snapshot) {
        Site site = area == null ? null : snapshot.siteOrNull(area.site());
        if (site == null) {
            return;
        }
        for (int m = 0, entering = moves.size(); m < entering; m++) {
            PersonId escort = moves.get(m).person();
            if (!EscortRule.isAuthorisedEscort(escort, snapshot)) {
                continue;
            }
            escorts.recordGrant(door.id(), escort, at, site.escortWindow());
            List<Pending> waiting = escorts.waitingAt(door.id(), at, site.escortWindow());
            if (waiting.isEmpty() || (area.twoPerson() && !twoMembersFor(area, at, snapshot, moves))) {
                continue;
            }
            for (Pending visitor : waiting) {
                if (loadOf(escort, visitor.person(), at, moves) >= site.maxVisitorsPerEscort()) {
                    break;
                }
                escorts.release(door.id(), visitor);
                if (!stillPasses(visitor, at, snapshot)) {
                    continue;
                }
                moves.add(new Move(visitor.person(), Direction.ENTRY, door.id(), door.area(), at, escort));
            }
        }
    }

    /** Applies moves in order, then signals unescorted visitors and lone occupants they caused. */
    private void apply(List<Move> moves, Instant when, AccessSnapshot snapshot, List<PresenceChange> changes,
                       List<Signal> signals) {
        List<AreaId> watched = twoPersonAreasTouched(moves, snapshot);
        int[] before = counts(watched, snapshot);
        for (int i = 0, n = moves.size(); i < n; i++) {
            applyOne(moves.get(i), when, snapshot, changes, signals);
        }
        for (int i = 0, n = moves.size(); i < n; i++) {
            checkEscorted(moves.get(i), when, snapshot, signals);
        }
        for (int i = 0, n = watched.size(); i < n; i++) {
            AreaId area = watched.get(i);
            PersonId lone = book.loneMember(area, snapshot);
            if (lone != null && before[i] != 1) {
                signals.add(new Signal(SignalType.LONE_OCCUPANT, when, moves.getLast().door(), area, lone, null,
                        "one person alone in two-person area " + area.value()));
            }
        }
    }

    private void applyOne(Move move, Instant when, AccessSnapshot snapshot, List<PresenceChange> changes,
                          List<Signal> signals) {
        PersonId person = move.person();
        Person now = snapshot.personOrNull(person);
        if (now == null || now.status() != PersonStatus.ACTIVE) {
            // granted earlier (a gate) but no longer active: where they are is not known, they never "enter"
            forgetOnMove(person, when, changes);
            return;
        }
        Area left = move.direction() == Direction.EXIT ? snapshot.areaOrNull(move.doorArea()) : null;
        AreaId parent = left == null ? null : left.parent();
        boolean leavesSite = move.direction() == Direction.EXIT && parent == null;
        if (now.kind() == PersonKind.VISITOR && !leavesSite && !hasActiveVisit(person, when, snapshot)) {
            // a visitor passing a gate after every visit of theirs ended: no Entered, the guard is told
            forgetOnMove(person, when, changes);
            if (overstayed.add(person)) {
                signals.add(overstay(person, when, move.door(), move.doorArea(), "passed " + move.door().value()));
            }
            return;
        }
        if (move.direction() == Direction.ENTRY) {
            PersonId escort = move.escort();
            boolean escorted = escort != null && escortInside(escort, move.doorArea(), snapshot);
            Presence presence = new Presence(person, move.doorArea(), when, move.door(), escorted ? escort : null);
            book.enter(presence, true);
            changes.add(new PresenceChange.Entered(presence));
            if (now.kind() == PersonKind.VISITOR) {
                watchedVisitors.add(person);
            }
            if (escorted) {
                escorts.attach(person, escort);
            } else if (escort != null) {
                // the escort is not inside (their gate move was dropped, or they moved on): not attached
                escorts.detach(person);
                signals.add(new Signal(SignalType.UNESCORTED_VISITOR, when, move.door(), move.doorArea(), person,
                        null, "escort " + escort.value() + " is not inside " + move.doorArea().value()));
            }
            return;
        }
        changes.add(new PresenceChange.Left(person, move.doorArea(), move.door(), when));
        if (leavesSite) {
            book.leaveSite(person);
            escorts.detach(person);
            return;
        }
        Presence presence = new Presence(person, parent, when, move.door(), escorts.escortOf(person));
        book.enter(presence, false);
        changes.add(new PresenceChange.Entered(presence));
        if (now.kind() == PersonKind.VISITOR) {
            watchedVisitors.add(person);
        }
    }

    private void forgetOnMove(PersonId person, Instant when, List<PresenceChange> changes) {
        book.forget(person);
        escorts.detach(person);
        changes.add(new PresenceChange.Forgotten(person, when));
    }

    /** The escort is believed inside {@code area} (nested counts). */
    private boolean escortInside(PersonId escort, AreaId area, AccessSnapshot snapshot) {
        Presence escortAt = book.presenceOf(escort);
        return escortAt != null && snapshot.isWithin(escortAt.area(), area);
    }

    /**
     * After an escort moved: each attached visitor whose area the escort is no longer inside is unescorted. A
     * visitor whose presence is unknown (forgiven) stays attached while the escort is on the site.
     */
    private void checkEscorted(Move move, Instant when, AccessSnapshot snapshot, List<Signal> signals) {
        List<PersonId> visitors = escorts.visitorsOf(move.person());
        if (visitors.isEmpty()) {
            return;
        }
        Presence escortAt = book.presenceOf(move.person());
        for (PersonId visitor : visitors) {
            Presence visitorAt = book.presenceOf(visitor);
            if (visitorAt == null) {
                if (escortAt == null) {
                    escorts.detach(visitor);
                }
                continue;
            }
            if (escortAt == null || !snapshot.isWithin(escortAt.area(), visitorAt.area())) {
                escorts.detach(visitor);
                signals.add(new Signal(SignalType.UNESCORTED_VISITOR, when, move.door(), visitorAt.area(), visitor,
                        null, "escort " + move.person().value() + " left " + visitorAt.area().value()));
            }
        }
    }

    /** The two-person areas that contain where the moving people were or go (usually none: no allocation). */
    private List<AreaId> twoPersonAreasTouched(List<Move> moves, AccessSnapshot snapshot) {
        List<AreaId> watched = List.of();
        for (int i = 0, n = moves.size(); i < n; i++) {
            Move move = moves.get(i);
            Presence from = book.presenceOf(move.person());
            watched = addTwoPersonAncestors(watched, from == null ? null : from.area(), snapshot);
            watched = addTwoPersonAncestors(watched, move.doorArea(), snapshot);
        }
        return watched;
    }

    private static List<AreaId> addTwoPersonAncestors(List<AreaId> watched, AreaId start, AccessSnapshot snapshot) {
        Area walk = start == null ? null : snapshot.areaOrNull(start);
        for (int depth = 0; walk != null && depth <= snapshot.areas().size(); depth++) {
            if (walk.twoPerson() && !watched.contains(walk.id())) {
                if (watched.isEmpty()) {
                    watched = new ArrayList<>(2);
                }
                watched.add(walk.id());
            }
            walk = walk.parent() == null ? null : snapshot.areaOrNull(walk.parent());
        }
        return watched;
    }

    private int[] counts(List<AreaId> areas, AccessSnapshot snapshot) {
        if (areas.isEmpty()) {
            return NO_COUNTS;
        }
        int[] counts = new int[areas.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = book.countMembers(areas.get(i), snapshot, null, null);
        }
        return counts;
    }
}
