package dev.warden.controller.door;

/** A door (one person per opening) or a gate (turnstile, vehicle gate). */
public enum DoorKind {
    DOOR,
    GATE
}
