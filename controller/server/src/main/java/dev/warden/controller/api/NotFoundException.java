package dev.warden.controller.api;

/** The addressed resource does not exist: answered with 404. */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String what, String id) {
        super(what + " '" + id + "' does not exist", null, false, false);
    }
}
