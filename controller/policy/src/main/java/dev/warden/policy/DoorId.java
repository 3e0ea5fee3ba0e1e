package dev.warden.policy;

/**
 * Identifies a door. The value is an opaque, non-blank string chosen by the system of record.
 * Ids order by their value, which gives decisions a stable, documented tie-break.
 *
 * @param value the non-blank id text
 */
public record DoorId(String value) implements Comparable<DoorId> {

    public DoorId {
        value = Checks.nonBlank(value, "DoorId.value");
    }

    /** Same as the canonical constructor; reads well at call sites: {@code DoorId.of("x")}. */
    public static DoorId of(String value) {
        return new DoorId(value);
    }

    @Override
    public int compareTo(DoorId other) {
        return value.compareTo(other.value);
    }
}
