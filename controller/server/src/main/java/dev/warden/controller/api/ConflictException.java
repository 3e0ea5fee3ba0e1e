package dev.warden.controller.api;

/** The request conflicts with existing data (duplicate id or card, still referenced): answered with 409. */
public final class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message, null, false, false);
    }
}
