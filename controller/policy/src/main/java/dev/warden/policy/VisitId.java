package dev.warden.policy;

/**
 * Identifies a visit (a visitor's approved stay). The value is an opaque, non-blank string chosen by the system of record.
 * Ids order by their value, which gives decisions a stable, documented tie-break.
 *
 * @param value the non-blank id text
 */
public record VisitId(String value) implements Comparable<VisitId> {

    public VisitId {
        value = Checks.nonBlank(value, "VisitId.value");
    }

    /** Same as the canonical constructor; reads well at call sites: {@code VisitId.of("x")}. */
    public static VisitId of(String value) {
        return new VisitId(value);
    }

    @Override
    public int compareTo(VisitId other) {
        return value.compareTo(other.value);
    }
}
