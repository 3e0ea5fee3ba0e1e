package dev.warden.policy;

/** What entitled a grant (rule 10). */
public enum GrantBasis {
    /** An access level whose schedule is open; {@link Decision.Granted#level()} names it. */
    ACCESS_LEVEL,
    /** The door's free-access schedule is open and the read is an ENTRY; no level. */
    FREE_ACCESS,
    /** A visitor inside an active approved visit covering the door's area; no level. */
    VISIT
}
