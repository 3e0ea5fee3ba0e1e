package dev.warden.policy;

/**
 * Identifies a person. The value is an opaque, non-blank string chosen by the system of record.
 * Ids order by their value, which gives decisions a stable, documented tie-break.
 *
 * @param value the non-blank id text
 */
public record PersonId(String value) implements Comparable<PersonId> {

    public PersonId {
        value = Checks.nonBlank(value, "PersonId.value");
    }

    /** Same as the canonical constructor; reads well at call sites: {@code PersonId.of("x")}. */
    public static PersonId of(String value) {
        return new PersonId(value);
    }

    @Override
    public int compareTo(PersonId other) {
        return value.compareTo(other.value);
    }
}
