package dev.warden.ui.client;

/** The controller no longer accepts the operator's token (expired or revoked): the operator must sign in again. */
public final class SessionRefusedException extends ControllerException {

    public SessionRefusedException(String message) {
        super(message, null);
    }
}
