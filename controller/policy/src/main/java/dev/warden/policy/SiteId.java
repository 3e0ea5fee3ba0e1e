package dev.warden.policy;

/**
 * Identifies a site (a building or campus with one time zone). The value is an opaque, non-blank string chosen by the system of record.
 * Ids order by their value, which gives decisions a stable, documented tie-break.
 *
 * @param value the non-blank id text
 */
public record SiteId(String value) implements Comparable<SiteId> {

    public SiteId {
        value = Checks.nonBlank(value, "SiteId.value");
    }

    /** Same as the canonical constructor; reads well at call sites: {@code SiteId.of("x")}. */
    public static SiteId of(String value) {
        return new SiteId(value);
    }

    @Override
    public int compareTo(SiteId other) {
        return value.compareTo(other.value);
    }
}
