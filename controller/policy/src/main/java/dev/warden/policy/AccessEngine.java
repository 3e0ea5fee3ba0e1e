package dev.warden.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The full access decision: {@link AccessPolicy} (stateless rules 1–10), then the stateful rules that need to know
 * what happened before, and the presence ("who is inside") those rules and the muster list read.
 * See {@code docs/policy.md} and {@code docs/decisions/003-stateful-rules-in-an-engine.md}.
 *
 * <ol start="11">
 *   <li>anti-passback per area ({@link PassbackRule}): HARD denies {@code PASSBACK}, SOFT grants and signals
 *       {@link SignalType#PASSBACK}, TIMED denies a re-entry within the area's {@code passbackReentry};</li>
 *   <li>visitor escort ({@link EscortRule}) on a VISITOR's ENTRY: {@code ESCORT_REQUIRED} (the visitor waits for an
 *       escort's grant at that door) or {@code ESCORT_CAPACITY}; a door whose area or site is not in the snapshot has
 *       no escort, so a visitor's ENTRY there is always {@code ESCORT_REQUIRED};</li>
 *   <li>two-person areas ({@link TwoPersonRule}): {@code TWO_PERSON_PENDING} / {@code TWO_PERSON_EXIT} until a second
 *       distinct person reads at the same door within the window. A visitor who matched an escort enters under the
 *       escort's (paired) grant and is not held by this rule.</li>
 * </ol>
 *
 * <p>Signals: {@link SignalType#TERMINATED_CREDENTIAL} for any read of a TERMINATED person's credential (whatever
 * denied it), {@link SignalType#DURESS} when the holder's duress PIN was typed (whatever the decision),
 * {@code PASSBACK} (SOFT), {@link SignalType#UNESCORTED_VISITOR} when an escort is no longer inside the area of a
 * visitor attached to them (the visitor is detached), {@link SignalType#LONE_OCCUPANT} when a two-person area comes
 * to hold exactly one person.
 *
 * <p>Presence: a grant at a {@link PortalKind#DOOR} moves presence at once (ENTRY → the door's area; EXIT → its
 * parent, or off the site); at a {@link PortalKind#GATE} the move waits for the gate's next {@link #passage} (at most
 * {@code 60 s}). Held reads (a waiting visitor, the first of a pair) are decided again against the snapshot of the
 * moment their partner arrives, so a person terminated meanwhile never enters; a move applied for a person who is no
 * longer ACTIVE makes their presence unknown instead ({@link PresenceChange.Forgotten}).
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
            return new AccessResult(verdict.decision(), changes, signals);
        }
        Area area = snapshot.areaOrNull(doorArea);
        Direction direction = request.direction();

        // 11 anti-passback
        if (area != null) {
            switch (passback.check(area, direction, holder.id(), at, book, snapshot)) {
                case DENY -> {
                    return new AccessResult(Decision.Denied.of(DenyReason.PASSBACK, credential), changes, signals);
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
            EscortRule.Match match = findEscort(request, holder, door, area, snapshot);
            if (match.escort() == null) {
                return new AccessResult(Decision.Denied.of(match.reason(), credential), changes, signals);
            }
            escort = match.escort();
        }

        // 13 two-person (a visitor with an escort comes in under the escort's paired grant)
        List<Move> moves = new ArrayList<>(2);
        if (area != null && area.twoPerson() && escort == null) {
            DenyReason held = pairUp(request, holder, door, area, snapshot, moves);
            if (held != null) {
                return new AccessResult(Decision.Denied.of(held, credential), changes, signals);
            }
        }

        // granted: the person waits for nobody any more
        escorts.stopWaiting(holder.id());
        twoPerson.forget(holder.id());
        if (escort != null) {
            escorts.attach(holder.id(), escort);
        }
        moves.add(new Move(holder.id(), direction, door.id(), door.area(), at,
                holder.kind() == PersonKind.VISITOR ? escorts.escortOf(holder.id()) : null));
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
        return new AccessResult(granted, changes, signals);
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
        Move move = gates.next(door, at);
        if (move != null) {
            apply(List.of(move), at, snapshot, changes, signals);
        }
        return new PassageResult(changes, signals);
    }

    /**
     * Forgets the person's passback state: presence unknown, last entries forgotten, waiting reads and pending gate
     * moves dropped, detached from any escort.
     *
     * @return one {@link PresenceChange.Forgotten}
     * @throws NullPointerException when an argument is null
     */
    public List<PresenceChange> forgive(PersonId person, Instant at) {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(at, "at");
        book.forget(person);
        escorts.forget(person);
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
        for (Presence presence : presences) {
            book.enter(presence, true);
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

    private void expire(Instant now) {
        escorts.expire(now);
        twoPerson.expire(now);
        gates.expire(now);
    }

    /** A held read may still pass: rules 1–10 against today's snapshot, rule 11 against today's presence. */
    private boolean stillPasses(Pending held, AccessSnapshot snapshot) {
        if (!policy.decide(held.request(), snapshot).granted()) {
            return false;
        }
        Area area = snapshot.areaOrNull(snapshot.doorOrNull(held.request().door()).area());
        return area == null || passback.check(area, held.request().direction(), held.person(), held.at(), book,
                snapshot) != PassbackRule.Outcome.DENY;
    }

    /** Rule 12 for a visitor's ENTRY: the escort, or why there is none (a visitor without one waits). */
    private EscortRule.Match findEscort(AccessRequest request, Person visitor, Door door, Area area,
                                        AccessSnapshot snapshot) {
        Site site = area == null ? null : snapshot.siteOrNull(area.site());
        if (site == null) {
            return new EscortRule.Match(null, DenyReason.ESCORT_REQUIRED); // no site, no escort window: never
        }
        EscortRule.Match match = escorts.find(door.id(), visitor.id(), request.at(), site, snapshot);
        if (match.escort() == null && match.reason() == DenyReason.ESCORT_REQUIRED) {
            escorts.hold(door.id(), new Pending(visitor.id(), request, Windows.plus(request.at(),
                    site.escortWindow())));
        }
        return match;
    }

    /**
     * Rule 13 at a two-person area's door: null when the read may pass (the partner's move, if any, added to
     * {@code moves}), else the reason it is held.
     */
    private DenyReason pairUp(AccessRequest request, Person person, Door door, Area area, AccessSnapshot snapshot,
                              List<Move> moves) {
        Direction direction = request.direction();
        if (direction == Direction.EXIT && book.countInside(area.id(), snapshot, person.id(), null) != 1) {
            return null; // leaving does not leave exactly one person inside
        }
        Pending partner = twoPerson.partner(door.id(), direction, person.id(), request.at(), area.twoPersonWindow());
        boolean together = partner != null && stillPasses(partner, snapshot)
                && (direction == Direction.ENTRY
                    || book.countInside(area.id(), snapshot, person.id(), partner.person()) != 1);
        if (!together) {
            if (partner != null && direction == Direction.ENTRY) {
                twoPerson.release(door.id(), direction, partner); // no longer passes: never pairs again
            }
            twoPerson.hold(door.id(), direction, new Pending(person.id(), request,
                    Windows.plus(request.at(), area.twoPersonWindow())));
            return direction == Direction.ENTRY ? DenyReason.TWO_PERSON_PENDING : DenyReason.TWO_PERSON_EXIT;
        }
        twoPerson.release(door.id(), direction, partner);
        moves.add(moveOf(partner, door, escorts.escortOf(partner.person())));
        return null;
    }

    private static Move moveOf(Pending held, Door door, PersonId escort) {
        return new Move(held.person(), held.request().direction(), door.id(), door.area(), held.at(), escort);
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
            for (Pending visitor : escorts.waitingAt(door.id(), at, site.escortWindow())) {
                if (escorts.attachedCount(escort, visitor.person()) >= site.maxVisitorsPerEscort()) {
                    break;
                }
                escorts.release(door.id(), visitor);
                if (!stillPasses(visitor, snapshot)) {
                    continue;
                }
                escorts.attach(visitor.person(), escort);
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
            applyOne(moves.get(i), when, snapshot, changes);
        }
        for (int i = 0, n = moves.size(); i < n; i++) {
            checkEscorted(moves.get(i), when, snapshot, signals);
        }
        for (int i = 0, n = watched.size(); i < n; i++) {
            AreaId area = watched.get(i);
            PersonId lone = book.loneOccupant(area, snapshot);
            if (lone != null && before[i] != 1) {
                signals.add(new Signal(SignalType.LONE_OCCUPANT, when, moves.getLast().door(), area, lone, null,
                        "one person alone in two-person area " + area.value()));
            }
        }
    }

    private void applyOne(Move move, Instant when, AccessSnapshot snapshot, List<PresenceChange> changes) {
        PersonId person = move.person();
        Person now = snapshot.personOrNull(person);
        if (now == null || now.status() != PersonStatus.ACTIVE) {
            // granted earlier (a gate) but no longer active: where they are is not known, they never "enter"
            book.forget(person);
            escorts.detach(person);
            changes.add(new PresenceChange.Forgotten(person, when));
            return;
        }
        if (move.direction() == Direction.ENTRY) {
            Presence presence = new Presence(person, move.doorArea(), when, move.door(), move.escort());
            book.enter(presence, true);
            changes.add(new PresenceChange.Entered(presence));
            return;
        }
        changes.add(new PresenceChange.Left(person, move.doorArea(), move.door(), when));
        Area left = snapshot.areaOrNull(move.doorArea());
        AreaId parent = left == null ? null : left.parent();
        if (parent == null) {
            book.leaveSite(person);
            escorts.detach(person);
            return;
        }
        Presence presence = new Presence(person, parent, when, move.door(), escorts.escortOf(person));
        book.enter(presence, false);
        changes.add(new PresenceChange.Entered(presence));
    }

    /** After an escort moved: each attached visitor whose area the escort is no longer inside is unescorted. */
    private void checkEscorted(Move move, Instant when, AccessSnapshot snapshot, List<Signal> signals) {
        List<PersonId> visitors = escorts.visitorsOf(move.person());
        if (visitors.isEmpty()) {
            return;
        }
        Presence escortAt = book.presenceOf(move.person());
        for (PersonId visitor : visitors) {
            Presence visitorAt = book.presenceOf(visitor);
            if (visitorAt == null) {
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
            counts[i] = book.countInside(areas.get(i), snapshot, null, null);
        }
        return counts;
    }
}
