package dev.warden.policy;

import java.util.Optional;

/**
 * Rule 5: the holder must be {@link PersonStatus#ACTIVE}. {@code TERMINATED} is checked before {@code SUSPENDED}
 * ({@link DenyReason#PERSON_TERMINATED}, then {@link DenyReason#PERSON_SUSPENDED}). A holder missing from the
 * snapshot (impossible for snapshots built by {@link AccessSnapshot#of}) is denied as
 * {@link DenyReason#UNKNOWN_CREDENTIAL}: a credential nobody holds opens nothing.
 */
public final class PersonStatusPolicy {

    public Optional<Decision.Denied> check(Credential credential, AccessSnapshot snapshot) {
        Person holder = snapshot.personOrNull(credential.holder());
        if (holder == null) {
            return Optional.of(Decision.Denied.of(DenyReason.UNKNOWN_CREDENTIAL, credential));
        }
        if (holder.status() == PersonStatus.TERMINATED) {
            return Optional.of(Decision.Denied.of(DenyReason.PERSON_TERMINATED, credential));
        }
        if (holder.status() == PersonStatus.SUSPENDED) {
            return Optional.of(Decision.Denied.of(DenyReason.PERSON_SUSPENDED, credential));
        }
        return Optional.empty();
    }
}
