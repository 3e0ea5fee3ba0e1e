package dev.warden.ui.client;

/** A hinged door or a gate machine (turnstile, mantrap). */
public enum DoorKind {
    DOOR,
    GATE
}
