package dev.warden.policy;

/**
 * Identifies a weekly schedule. The value is an opaque, non-blank string chosen by the system of record.
 * Ids order by their value, which gives decisions a stable, documented tie-break.
 *
 * @param value the non-blank id text
 */
public record ScheduleId(String value) implements Comparable<ScheduleId> {

    public ScheduleId {
        value = Checks.nonBlank(value, "ScheduleId.value");
    }

    /** Same as the canonical constructor; reads well at call sites: {@code ScheduleId.of("x")}. */
    public static ScheduleId of(String value) {
        return new ScheduleId(value);
    }

    @Override
    public int compareTo(ScheduleId other) {
        return value.compareTo(other.value);
    }
}
