package dev.warden.contract;

/** Which side of a portal a reader faces. */
public enum Direction {
    IN,
    OUT
}
