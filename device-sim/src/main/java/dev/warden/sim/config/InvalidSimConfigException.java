package dev.warden.sim.config;

/** The simulator's configuration is missing or invalid; the message names the file and the field. */
public final class InvalidSimConfigException extends Exception {
    public InvalidSimConfigException(String message) {
        super(message);
    }

    public InvalidSimConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
