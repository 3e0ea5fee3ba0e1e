package dev.warden.contract;

/** Kinds of {@link AgentEvent}. */
public enum AgentEventType {
    /** A door's physical state changed; attribute {@code state}: OPEN, CLOSED, LOCKED, UNLOCKED. */
    DOOR_STATE,
    /** A door command was carried out; attributes {@code commandId}, {@code action}. */
    COMMAND_EXECUTED,
    /** A device answered again after silence. */
    DEVICE_ONLINE,
    /** A device stopped answering or was unplugged; attribute {@code reason}. */
    DEVICE_OFFLINE,
    /** A read the agent rejected before asking (e.g. a Wiegand parity error); attribute {@code reason}. */
    READ_REJECTED
}
