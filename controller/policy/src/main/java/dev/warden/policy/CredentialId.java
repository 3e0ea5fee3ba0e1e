package dev.warden.policy;

/**
 * Identifies a credential (badge). The value is an opaque, non-blank string chosen by the system of record.
 * Ids order by their value, which gives decisions a stable, documented tie-break.
 *
 * @param value the non-blank id text
 */
public record CredentialId(String value) implements Comparable<CredentialId> {

    public CredentialId {
        value = Checks.nonBlank(value, "CredentialId.value");
    }

    /** Same as the canonical constructor; reads well at call sites: {@code CredentialId.of("x")}. */
    public static CredentialId of(String value) {
        return new CredentialId(value);
    }

    @Override
    public int compareTo(CredentialId other) {
        return value.compareTo(other.value);
    }
}
