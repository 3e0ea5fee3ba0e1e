package dev.warden.ui.testing;

import dev.warden.ui.client.Decision;
import dev.warden.ui.client.DoorKind;
import dev.warden.ui.client.DoorState;
import dev.warden.ui.client.DoorView;
import dev.warden.ui.client.EventKind;
import dev.warden.ui.client.EventView;
import java.time.Instant;

/** Events and doors as the controller would describe them, named by what they show. */
public final class TestEvents {

    private TestEvents() {
    }

    public static EventView grantedAtServerRoom(long id, Instant at) {
        return access(id, at, "door-7", "Server room 1", "p-17", "Ada Lovelace", "H10301 12:4567",
                Decision.GRANT, null, null);
    }

    public static EventView deniedOutsideSchedule(long id, Instant at) {
        return access(id, at, "door-2", "Loading dock", "p-40", "Grace Hopper", "H10301 12:1001",
                Decision.DENY, "OUTSIDE_SCHEDULE", "Outside the access schedule");
    }

    public static EventView deniedRevokedBadge(long id, Instant at) {
        return access(id, at, "door-7", "Server room 1", "p-52", "Mallory Doe", "H10306 3:77",
                Decision.DENY, "CREDENTIAL_REVOKED", "Credential revoked");
    }

    public static EventView rejectedRead(long id, Instant at) {
        return new EventView(id, at, EventKind.REJECTED_READ, "door-2", "Loading dock", "reader-2", null, null, null,
                null, null, Decision.REJECTED, "MALFORMED_READ", "The reader sent a malformed read", "MQTT_READER",
                null, null);
    }

    public static EventView doorForced(long id, Instant at, String doorId, String doorName) {
        return new EventView(id, at, EventKind.DOOR, doorId, doorName, null, null, null, null, null, null, null,
                "DOOR_FORCED", "Door forced open", "AGENT", "agent-1", id);
    }

    public static EventView access(long id, Instant at, String doorId, String doorName, String personId,
            String personName, String card, Decision decision, String reason, String reasonText) {
        return new EventView(id, at, EventKind.ACCESS, doorId, doorName, "reader-" + doorId, "IN", personId,
                personName, "cred-" + personId, card, decision, reason, reasonText, "AGENT", "agent-1", id);
    }

    public static DoorView door(String id, String name, DoorState state, boolean agentOnline, Instant lastChange) {
        return new DoorView(id, name, "area-1", DoorKind.DOOR, state, "agent-1", agentOnline, lastChange);
    }
}
