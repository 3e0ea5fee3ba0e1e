package dev.warden.controller.visit;

/**
 * The operator holds a role for the call but may not act on this visit (segregation of duties: nobody approves a
 * visit they requested; only the requester or a supervisor cancels; only a supervisor changes a person's
 * clearance or lockdown exemption): answered with 403 and the reason.
 */
public final class ForbiddenActionException extends RuntimeException {
    public ForbiddenActionException(String message) {
        super(message, null, false, false);
    }
}
