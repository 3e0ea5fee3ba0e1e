package dev.warden.config;

/**
 * A problem in a configuration file; the message names the field path (e.g. {@code doors[0].readers[1].direction})
 * and never quotes a value that may be a secret. Loaders rethrow it as their own exception type with the same message.
 */
public final class ConfigError extends Exception {

    public ConfigError(String message) {
        super(message);
    }
}
