package dev.warden.contract;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every MQTT topic of the contract. All live under {@value #ROOT}; ids are restricted to
 * {@code [A-Za-z0-9._-]{1,64}} so that an id can never inject a topic level or a wildcard.
 */
public final class Topics {

    public static final String ROOT = "warden/v1";

    /** Shared-subscription group used by controller instances (MQTT 5 {@code $share}). */
    public static final String CONTROLLER_SHARE_GROUP = "warden-controllers";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private Topics() {}

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    static String requireId(String id) {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("invalid id (allowed: [A-Za-z0-9._-]{1,64}): " + id);
        }
        return id;
    }

    // --- standalone MQTT badge readers -------------------------------------------------------

    /** Reader → controller: a card read ({@link ReaderRead}). */
    public static String readerRead(String readerId) {
        return ROOT + "/readers/" + requireId(readerId) + "/read";
    }

    /** Controller → reader: the decision or rejection ({@link DecisionMessage}). */
    public static String readerDecision(String readerId) {
        return ROOT + "/readers/" + requireId(readerId) + "/decision";
    }

    public static final String ALL_READER_READS = ROOT + "/readers/+/read";

    // --- edge agents ---------------------------------------------------------------------------

    /** Agent → controller, QoS 1: journaled events ({@link AgentEvent}). */
    public static String agentEvents(String agentId) {
        return ROOT + "/agents/" + requireId(agentId) + "/events";
    }

    /** Agent → controller: access request ({@link AccessRequest}), MQTT 5 response topic + correlation data. */
    public static String agentAccessRequest(String agentId) {
        return ROOT + "/agents/" + requireId(agentId) + "/access/request";
    }

    /** Controller → agent: the response topic agents name in their access requests ({@link DecisionMessage}). */
    public static String agentAccessResponse(String agentId) {
        return ROOT + "/agents/" + requireId(agentId) + "/access/response";
    }

    /** Controller → agent: door commands ({@link DoorCommand}). */
    public static String agentCommands(String agentId) {
        return ROOT + "/agents/" + requireId(agentId) + "/commands";
    }

    /** Agent → everyone, retained, also the agent's Last Will ({@link AgentStatus}). */
    public static String agentStatus(String agentId) {
        return ROOT + "/agents/" + requireId(agentId) + "/status";
    }

    /**
     * Agent → controller: asks for the OSDP Secure Channel base key of one of its readers ({@link ReaderKeyRequest}),
     * MQTT 5 response topic {@link #agentKeyResponse} + correlation data.
     */
    public static String agentKeyRequest(String agentId) {
        return ROOT + "/agents/" + requireId(agentId) + "/keys/request";
    }

    /** Controller → agent: the answer to a key request ({@link ReaderKeyResponse}); never retained. */
    public static String agentKeyResponse(String agentId) {
        return ROOT + "/agents/" + requireId(agentId) + "/keys/response";
    }

    public static final String ALL_AGENT_EVENTS = ROOT + "/agents/+/events";
    public static final String ALL_AGENT_KEY_REQUESTS = ROOT + "/agents/+/keys/request";
    public static final String ALL_AGENT_ACCESS_REQUESTS = ROOT + "/agents/+/access/request";
    public static final String ALL_AGENT_STATUS = ROOT + "/agents/+/status";

    // --- MQTT-native devices behind an edge agent -----------------------------------------------

    /** Device → agent: a reader's card read ({@link ReaderRead}). */
    public static String deviceRead(String deviceId) {
        return ROOT + "/devices/" + requireId(deviceId) + "/read";
    }

    /** Agent → device: reader feedback, lock commands ({@link DeviceCommand}). */
    public static String deviceCommand(String deviceId) {
        return ROOT + "/devices/" + requireId(deviceId) + "/command";
    }

    /** Device → agent: door contact or lock state ({@link DeviceState}). */
    public static String deviceState(String deviceId) {
        return ROOT + "/devices/" + requireId(deviceId) + "/state";
    }

    /** Prefix filter of everything a device may touch: its own subtree. */
    public static String deviceSubtree(String deviceId) {
        return ROOT + "/devices/" + requireId(deviceId) + "/#";
    }

    public static String readerSubtree(String readerId) {
        return ROOT + "/readers/" + requireId(readerId) + "/#";
    }

    public static String agentSubtree(String agentId) {
        return ROOT + "/agents/" + requireId(agentId) + "/#";
    }

    /**
     * The id in the second-to-last level of a topic such as {@code warden/v1/readers/R1/read}, if the
     * topic has the expected {@code ROOT/kind/id/...} shape.
     */
    public static Optional<String> idAt(String topic, String kind) {
        String prefix = ROOT + "/" + kind + "/";
        if (topic == null || !topic.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = topic.substring(prefix.length());
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        return isValidId(id) ? Optional.of(id) : Optional.empty();
    }
}
