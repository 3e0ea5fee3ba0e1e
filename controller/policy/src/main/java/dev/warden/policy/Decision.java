package dev.warden.policy;

import java.util.Optional;

/** The answer to an {@link AccessRequest}: granted through a level, or denied with a reason. */
public sealed interface Decision permits Decision.Granted, Decision.Denied {

    /** {@code true} for {@link Granted}. */
    boolean granted();

    /** {@code "GRANTED"} for {@link Granted}, the {@link DenyReason} name for {@link Denied}. */
    String reasonCode();

    /** Short human-readable text. */
    String description();

    /**
     * Access granted.
     *
     * @param person     the holder
     * @param credential the credential used
     * @param level      the access level that granted (the first by id order)
     */
    record Granted(PersonId person, CredentialId credential, AccessLevelId level) implements Decision {

        public static final String CODE = "GRANTED";

        public Granted {
            Checks.nonNull(person, "Granted.person");
            Checks.nonNull(credential, "Granted.credential");
            Checks.nonNull(level, "Granted.level");
        }

        @Override
        public boolean granted() {
            return true;
        }

        @Override
        public String reasonCode() {
            return CODE;
        }

        @Override
        public String description() {
            return "Access granted";
        }
    }

    /**
     * Access denied.
     *
     * @param reason     why
     * @param person     the holder, or null when not known (unknown door or credential)
     * @param credential the credential, or null when not known
     */
    record Denied(DenyReason reason, PersonId person, CredentialId credential) implements Decision {

        public Denied {
            Checks.nonNull(reason, "Denied.reason");
        }

        /** A denial where neither person nor credential is known. */
        public static Denied of(DenyReason reason) {
            return new Denied(reason, null, null);
        }

        /** A denial naming the credential and its holder. */
        public static Denied of(DenyReason reason, Credential credential) {
            return new Denied(reason, credential.holder(), credential.id());
        }

        public Optional<PersonId> personOpt() {
            return Optional.ofNullable(person);
        }

        public Optional<CredentialId> credentialOpt() {
            return Optional.ofNullable(credential);
        }

        @Override
        public boolean granted() {
            return false;
        }

        @Override
        public String reasonCode() {
            return reason.name();
        }

        @Override
        public String description() {
            return reason.description();
        }
    }
}
