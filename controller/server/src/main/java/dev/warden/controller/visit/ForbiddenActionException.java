package dev.warden.controller.visit;

/**
 * The operator holds a role for the call but may not act on this visit (segregation of duties: nobody approves a
 * visit they requested; only the requester or a supervisor cancels): answered with 403 and the reason.
 */
final class ForbiddenActionException extends RuntimeException {
    ForbiddenActionException(String message) {
        super(message, null, false, false);
    }
}
