package dev.warden.ui.client;

/** The controller could not be reached, timed out, failed, or answered with something unreadable. */
public final class ControllerUnavailableException extends ControllerException {

    public ControllerUnavailableException(String message) {
        super(message, null);
    }

    public ControllerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
