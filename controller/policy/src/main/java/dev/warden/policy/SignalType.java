package dev.warden.policy;

/** What an {@link AccessEngine} signals besides its decisions; the names are the alarm types of the same name. */
public enum SignalType {
    /** A credential of a TERMINATED person was presented, whatever rule denied it. */
    TERMINATED_CREDENTIAL,
    /** The holder's duress PIN was typed: the decision stays as it is, the alarm is silent. */
    DURESS,
    /** A SOFT anti-passback area was entered (or left) against the engine's belief of where the person is. */
    PASSBACK,
    /** An escort left the area in which a visitor attached to them remains. */
    UNESCORTED_VISITOR,
    /** A two-person area now holds exactly one authorised person (ACTIVE, not a visitor). */
    LONE_OCCUPANT,
    /**
     * A visitor is still believed inside (or passed a gate) after every visit of theirs ended; they are detached from
     * their escort. Signalled once per overstay.
     */
    VISIT_OVERSTAY
}
