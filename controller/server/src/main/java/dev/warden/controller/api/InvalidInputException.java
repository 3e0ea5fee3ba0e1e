package dev.warden.controller.api;

/** The request is malformed or violates a rule of the resource: answered with 400. */
public final class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message, null, false, false);
    }
}
