package dev.warden.policy;

import java.util.Optional;
import java.util.Set;

/** The answer to an {@link AccessRequest}: granted (with its basis and the factors checked), or denied with a reason. */
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
     * @param level      the access level that granted (the first by id order) when {@code basis} is
     *                   {@link GrantBasis#ACCESS_LEVEL}; null for free access or a visit
     * @param factors    the factors checked: always {@link Factor#CARD}, {@link Factor#PIN} when a typed PIN matched,
     *                   {@link Factor#FINGERPRINT} when a finger matched the holder (copied, unmodifiable)
     * @param basis      what entitled the grant
     */
    record Granted(PersonId person, CredentialId credential, AccessLevelId level, Set<Factor> factors,
                   GrantBasis basis) implements Decision {

        public static final String CODE = "GRANTED";

        /** The card alone. */
        public static final Set<Factor> CARD_ONLY = Set.of(Factor.CARD);

        public Granted {
            Checks.nonNull(person, "Granted.person");
            Checks.nonNull(credential, "Granted.credential");
            Checks.nonNull(basis, "Granted.basis");
            if (basis == GrantBasis.ACCESS_LEVEL) {
                Checks.nonNull(level, "Granted.level");
            } else if (level != null) {
                throw new IllegalArgumentException("Granted.level must be null for basis " + basis);
            }
            Checks.nonNull(factors, "Granted.factors");
            factors = Set.copyOf(factors); // returns an already unmodifiable set as it is: no copy on the hot path
            if (!factors.contains(Factor.CARD)) {
                throw new IllegalArgumentException("Granted.factors must contain CARD, was " + factors);
            }
        }

        /** A grant through an access level, by the card alone. */
        public Granted(PersonId person, CredentialId credential, AccessLevelId level) {
            this(person, credential, level, CARD_ONLY, GrantBasis.ACCESS_LEVEL);
        }

        /** The level, when the basis is an access level. */
        public Optional<AccessLevelId> levelOpt() {
            return Optional.ofNullable(level);
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
