package dev.warden.agent.config;

import dev.warden.contract.Direction;

/** A card reader at a door and the side of the door it faces. */
public record ReaderConfig(String deviceId, Direction direction) {}
