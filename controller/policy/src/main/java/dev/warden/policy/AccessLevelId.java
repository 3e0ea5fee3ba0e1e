package dev.warden.policy;

/**
 * Identifies an access level. The value is an opaque, non-blank string chosen by the system of record.
 * Ids order by their value, which gives decisions a stable, documented tie-break.
 *
 * @param value the non-blank id text
 */
public record AccessLevelId(String value) implements Comparable<AccessLevelId> {

    public AccessLevelId {
        value = Checks.nonBlank(value, "AccessLevelId.value");
    }

    /** Same as the canonical constructor; reads well at call sites: {@code AccessLevelId.of("x")}. */
    public static AccessLevelId of(String value) {
        return new AccessLevelId(value);
    }

    @Override
    public int compareTo(AccessLevelId other) {
        return value.compareTo(other.value);
    }
}
