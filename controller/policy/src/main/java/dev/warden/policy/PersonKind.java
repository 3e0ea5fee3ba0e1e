package dev.warden.policy;

/** What kind of person holds credentials. */
public enum PersonKind {
    EMPLOYEE,
    CONTRACTOR,
    VISITOR
}
