package dev.warden.controller.event;

import dev.warden.controller.decision.IndexView;
import dev.warden.contract.AgentEventType;
import dev.warden.controller.decision.ReaderDecisions;
import dev.warden.policy.DenyReason;
import java.util.HashMap;
import java.util.Map;

/** Turns stored rows into {@link EventView}s, naming doors and people from the current access index. */
public final class EventViews {
    private static final Map<String, String> TEXTS = new HashMap<>();

    static {
        for (DenyReason r : DenyReason.values()) {
            TEXTS.put(r.name(), r.description());
        }
        TEXTS.put(ReaderDecisions.GRANTED, "Access granted");
        TEXTS.put(ReaderDecisions.UNKNOWN_READER, "Unknown reader");
        TEXTS.put(ReaderDecisions.READER_DOOR_MISMATCH, "The reader does not serve the door the agent named");
        TEXTS.put(ReaderDecisions.AGENT_DOOR_MISMATCH, "The agent that asked does not serve this door");
        TEXTS.put(ReaderDecisions.READER_NOT_STANDALONE,
                "A standalone reader read at a door that an edge agent serves");
        TEXTS.put(ReaderDecisions.INTERNAL_ERROR, "Internal error: denied (fail-secure)");
    }

    private static final Map<String, String> DOOR_STATE_TEXTS = Map.of(
            "OPEN", "Door opened",
            "CLOSED", "Door closed",
            "UNLOCKED", "Lock released",
            "LOCKED", "Lock engaged",
            "TAMPER", "Tamper reported");

    private EventViews() {}

    public static EventView of(AccessEventRow row, IndexView index) {
        return new EventView(
                row.id() == null ? 0 : row.id(),
                row.occurredAt(),
                row.kind(),
                row.doorId(),
                row.doorId() == null ? null : index.doorNames().get(row.doorId()),
                row.readerId(),
                row.direction(),
                row.personId(),
                row.personId() == null ? null : index.personNames().get(row.personId()),
                row.credentialId(),
                row.card(),
                row.decision(),
                row.reason(),
                reasonText(row),
                row.source(),
                row.agentId(),
                row.seq());
    }

    static String reasonText(AccessEventRow row) {
        if (EventKind.ACCESS.name().equals(row.kind()) && row.reason() != null) {
            String text = TEXTS.get(row.reason());
            if (text != null) {
                return text;
            }
        }
        if (EventKind.DOOR.name().equals(row.kind())) {
            String doorText = doorText(row.reason(), row.detail());
            if (doorText != null) {
                return doorText;
            }
        }
        if (EventKind.DEVICE.name().equals(row.kind())) {
            String deviceText = deviceText(row.reason(), row.detail());
            if (deviceText != null) {
                return deviceText;
            }
        }
        if (row.detail() != null && !row.detail().isBlank()) {
            return row.detail();
        }
        return row.reason();
    }

    private static String doorText(String reason, String detail) {
        if (AgentEventType.DOOR_STATE.name().equals(reason)) {
            String state = attribute(detail, "state");
            return state == null ? null : DOOR_STATE_TEXTS.get(state);
        }
        if (AgentEventType.COMMAND_EXECUTED.name().equals(reason)) {
            String action = attribute(detail, "action");
            return action == null ? "Command carried out" : "Command carried out: " + action;
        }
        if (AgentEventType.PASSAGE.name().equals(reason)) {
            return "Passage through the gate";
        }
        return null;
    }

    /** Tamper, sensor readings and sensor alarms in words; null for other device events (shown by their detail). */
    private static String deviceText(String reason, String detail) {
        if (AgentEventType.TAMPER.name().equals(reason)) {
            String state = attribute(detail, "state");
            return "CLEARED".equals(state) ? "Tamper cleared" : "ACTIVE".equals(state) ? "Tamper reported" : null;
        }
        if (AgentEventType.SENSOR_READING.name().equals(reason)) {
            String quantity = attribute(detail, "quantity");
            String value = attribute(detail, "value");
            if (quantity == null || quantity.isBlank() || value == null) {
                return null;
            }
            String unit = attribute(detail, "unit");
            return capitalised(quantity) + " " + value + (unit == null || unit.isBlank() ? "" : " " + unit);
        }
        if (AgentEventType.SENSOR_ALARM.name().equals(reason)) {
            String input = attribute(detail, "input");
            String state = attribute(detail, "state");
            if (input == null || input.isBlank() || !("ACTIVE".equals(state) || "CLEARED".equals(state))) {
                return null;
            }
            return capitalised(input) + ("ACTIVE".equals(state) ? " alarm" : " alarm cleared");
        }
        if (AgentEventType.DEVICE_SECURITY.name().equals(reason)) {
            String code = attribute(detail, "code");
            return code == null ? null : SECURITY_TEXTS.getOrDefault(code, "Security notice: " + code);
        }
        return null;
    }

    private static final java.util.Map<String, String> SECURITY_TEXTS = java.util.Map.of(
            "INSTALL_KEY_USED", "Reader reached with the published install key",
            "READER_KEYED", "Reader given its own Secure Channel key",
            "SECURE_CHANNEL_LOST", "Secure Channel session lost",
            "PERMIT_STUCK_ON", "Gate permit relay did not switch off");

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** Reads one {@code key=value} from the stored attribute text ({@code "a=1, b=2"}, keys sorted). */
    private static String attribute(String detail, String key) {
        if (detail == null) {
            return null;
        }
        for (String pair : detail.split(", ")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(key)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }
}
