package dev.warden.policy;

/**
 * Identifies an area (a zone behind doors). The value is an opaque, non-blank string chosen by the system of record.
 * Ids order by their value, which gives decisions a stable, documented tie-break.
 *
 * @param value the non-blank id text
 */
public record AreaId(String value) implements Comparable<AreaId> {

    public AreaId {
        value = Checks.nonBlank(value, "AreaId.value");
    }

    /** Same as the canonical constructor; reads well at call sites: {@code AreaId.of("x")}. */
    public static AreaId of(String value) {
        return new AreaId(value);
    }

    @Override
    public int compareTo(AreaId other) {
        return value.compareTo(other.value);
    }
}
