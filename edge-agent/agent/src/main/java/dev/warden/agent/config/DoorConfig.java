package dev.warden.agent.config;

import java.time.Duration;
import java.util.List;

/**
 * One door the agent serves: its readers (each facing IN or OUT), its lock relay and, optionally, its door contact.
 *
 * @param contactId the door contact's device id, or {@code null} when the door has none
 * @param fingerprintModuleId the fingerprint module at the door (card, then finger), or {@code null}
 */
public record DoorConfig(
        String id, Duration unlockFor, List<ReaderConfig> readers, String lockId, String contactId, String fingerprintModuleId) {
    public DoorConfig {
        readers = List.copyOf(readers);
    }

    public DoorConfig(String id, Duration unlockFor, List<ReaderConfig> readers, String lockId, String contactId) {
        this(id, unlockFor, readers, lockId, contactId, null);
    }
}
