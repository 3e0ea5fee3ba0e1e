package dev.warden.agent.config;

/** The configuration file is missing, unreadable or invalid; the message names the file and the field. */
public final class InvalidConfigException extends Exception {
    public InvalidConfigException(String message) {
        super(message);
    }

    public InvalidConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
