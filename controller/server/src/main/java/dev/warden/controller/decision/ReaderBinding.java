package dev.warden.controller.decision;

import dev.warden.contract.Direction;

/** A reader as configured: the door it serves, which side it faces, and the door's unlock time. */
public record ReaderBinding(String readerId, String doorId, Direction direction, long unlockMs) {}
