package dev.warden.agent.testing;

import dev.warden.agent.config.DoorConfig;
import dev.warden.agent.config.ReaderConfig;
import dev.warden.contract.Direction;
import java.time.Duration;
import java.util.List;

/** Door configurations for tests. */
public final class Doors {
    public static final String LOBBY = "door-lobby-main";
    public static final String LOBBY_IN = "rdr-door-lobby-main-in";
    public static final String LOBBY_OUT = "rdr-door-lobby-main-out";
    public static final String LOBBY_LOCK = "lock-door-lobby-main";
    public static final String LOBBY_CONTACT = "dc-door-lobby-main";

    private Doors() {}

    /** The lobby door: readers IN and OUT, a lock, a contact, 5 s unlock. */
    public static DoorConfig lobby() {
        return new DoorConfig(
                LOBBY,
                Duration.ofSeconds(5),
                List.of(new ReaderConfig(LOBBY_IN, Direction.IN), new ReaderConfig(LOBBY_OUT, Direction.OUT)),
                LOBBY_LOCK,
                LOBBY_CONTACT);
    }
}
