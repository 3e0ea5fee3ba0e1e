package dev.warden.ui.client;

import java.util.Objects;

/** How a sign-in attempt ended. */
public sealed interface SignInResult {

    /** The controller accepted the credentials. */
    record Accepted(Operator operator) implements SignInResult {
        public Accepted {
            Objects.requireNonNull(operator, "operator");
        }
    }

    /** The controller refused the credentials (HTTP 401 or 403). */
    record Refused() implements SignInResult {
    }

    /** The controller could not be reached or gave no usable answer; {@code reason} says what happened. */
    record Unavailable(String reason) implements SignInResult {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
