package dev.warden.ui.client;

import java.util.Objects;

/** The bearer token the controller issued at sign-in. Its {@link #toString()} never shows the value. */
public record AccessToken(String value) {

    public AccessToken {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an access token cannot be blank");
        }
    }

    /** The value of an {@code Authorization} header carrying this token. */
    public String bearerHeader() {
        return "Bearer " + value;
    }

    @Override
    public String toString() {
        return "AccessToken[redacted]";
    }
}
