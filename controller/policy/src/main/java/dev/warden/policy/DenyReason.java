package dev.warden.policy;

/** Why an access request was denied; the enum name is the stable reason code. */
public enum DenyReason {
    UNKNOWN_DOOR("Unknown door"),
    UNKNOWN_CREDENTIAL("Unknown credential"),
    CREDENTIAL_SUSPENDED("Credential suspended"),
    CREDENTIAL_REVOKED("Credential revoked"),
    CREDENTIAL_LOST("Credential reported lost"),
    CREDENTIAL_SURRENDERED("Credential surrendered"),
    CREDENTIAL_NOT_YET_VALID("Credential not yet valid"),
    CREDENTIAL_EXPIRED("Credential expired"),
    PERSON_SUSPENDED("Person suspended"),
    PERSON_TERMINATED("Person terminated"),
    SECOND_FACTOR_REQUIRED("Second factor required but not presented"),
    SECOND_FACTOR_MISMATCH("Second factor does not match the card holder"),
    NO_ACCESS_LEVEL("No access level for this door"),
    OUTSIDE_SCHEDULE("Outside the access schedule"),
    PIN_REQUIRED("PIN required but not entered"),
    PIN_MISMATCH("PIN does not match"),
    NO_ACTIVE_VISIT("Visitor without an active approved visit for this area"),
    LOCKDOWN("Area or site is locked down"),
    THREAT_LEVEL("Clearance below the site's threat level"),
    PASSBACK("Anti-passback violation"),
    ESCORT_REQUIRED("Visitor needs an authorised escort at this door"),
    ESCORT_CAPACITY("Every escort at this door already has the most visitors allowed"),
    TWO_PERSON_PENDING("Two-person rule: waiting for a second authorised person"),
    TWO_PERSON_EXIT("Two-person rule: leaving would leave one person alone inside");

    private final String description;

    DenyReason(String description) {
        this.description = description;
    }

    /** Short human-readable text, e.g. "Outside the access schedule". */
    public String description() {
        return description;
    }
}
