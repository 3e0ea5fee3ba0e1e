package dev.warden.policy;

/**
 * A person who may hold credentials.
 *
 * @param id          the person's id
 * @param displayName non-blank name shown to operators
 * @param kind        employee, contractor or visitor
 * @param status      active, suspended or terminated
 */
public record Person(PersonId id, String displayName, PersonKind kind, PersonStatus status) {

    public Person {
        Checks.nonNull(id, "Person.id");
        displayName = Checks.nonBlank(displayName, "Person.displayName");
        Checks.nonNull(kind, "Person.kind");
        Checks.nonNull(status, "Person.status");
    }
}
