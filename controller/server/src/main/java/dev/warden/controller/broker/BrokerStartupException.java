package dev.warden.controller.broker;

/** The embedded broker could not start; the message says what to change. */
public class BrokerStartupException extends RuntimeException {
    public BrokerStartupException(String message) {
        super(message);
    }

    public BrokerStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
