package dev.warden.policy;

/**
 * A person who may hold credentials.
 *
 * @param id             the person's id
 * @param displayName    non-blank name shown to operators
 * @param kind           employee, contractor or visitor
 * @param status         active, suspended or terminated
 * @param clearance      {@code 0..3}: the highest {@link ThreatLevel} (by ordinal) at which the person still passes
 *                       threat-marked doors (rule 8)
 * @param mayEscort      whether the person may escort visitors (rule 12)
 * @param lockdownExempt whether the person may still enter locked-down areas (responders; rule 7)
 * @param pin            the salted hash of the person's PIN, or null when none is enrolled (rule 9)
 * @param duressPin      the salted hash of the person's duress PIN, or null: typed instead of the PIN it opens the
 *                       door and raises a silent {@link SignalType#DURESS}
 */
public record Person(PersonId id, String displayName, PersonKind kind, PersonStatus status, int clearance,
                     boolean mayEscort, boolean lockdownExempt, PinHash pin, PinHash duressPin) {

    public static final int MAX_CLEARANCE = ThreatLevel.SEVERE.ordinal();

    public Person {
        Checks.nonNull(id, "Person.id");
        displayName = Checks.nonBlank(displayName, "Person.displayName");
        Checks.nonNull(kind, "Person.kind");
        Checks.nonNull(status, "Person.status");
        if (clearance < 0 || clearance > MAX_CLEARANCE) {
            throw new IllegalArgumentException("Person.clearance must be 0.." + MAX_CLEARANCE + ", was " + clearance);
        }
    }

    /** A person with clearance 0, who may not escort, is not lockdown-exempt and has no PIN. */
    public Person(PersonId id, String displayName, PersonKind kind, PersonStatus status) {
        this(id, displayName, kind, status, 0, false, false, null, null);
    }
}
