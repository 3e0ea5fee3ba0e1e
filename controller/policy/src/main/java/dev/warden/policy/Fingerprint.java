package dev.warden.policy;

/**
 * A fingerprint enrolled on one module at one library page, belonging to one person: the second factor of card +
 * fingerprint doors.
 *
 * @param id     the fingerprint's id
 * @param key    the module and page it is matched as
 * @param holder the person whose finger it is
 * @param status lifecycle status
 */
public record Fingerprint(FingerprintId id, FingerprintKey key, PersonId holder, FingerprintStatus status) {

    public Fingerprint {
        Checks.nonNull(id, "Fingerprint.id");
        Checks.nonNull(key, "Fingerprint.key");
        Checks.nonNull(holder, "Fingerprint.holder");
        Checks.nonNull(status, "Fingerprint.status");
    }
}
