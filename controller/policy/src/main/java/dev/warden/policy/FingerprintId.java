package dev.warden.policy;

/**
 * Identifies an enrolled fingerprint. The value is an opaque, non-blank string chosen by the system of record.
 *
 * @param value the non-blank id text
 */
public record FingerprintId(String value) implements Comparable<FingerprintId> {

    public FingerprintId {
        value = Checks.nonBlank(value, "FingerprintId.value");
    }

    /** Same as the canonical constructor; reads well at call sites: {@code FingerprintId.of("x")}. */
    public static FingerprintId of(String value) {
        return new FingerprintId(value);
    }

    @Override
    public int compareTo(FingerprintId other) {
        return value.compareTo(other.value);
    }
}
