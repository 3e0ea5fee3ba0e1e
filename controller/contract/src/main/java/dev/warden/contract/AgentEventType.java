package dev.warden.contract;

/** Kinds of {@link AgentEvent}. Receivers must tolerate values they do not know yet (newer agents). */
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
    READ_REJECTED,
    /**
     * A device's tamper input changed (reader cover opened, gate cabinet opened); attribute {@code state}:
     * {@code ACTIVE} or {@code CLEARED}. {@code deviceId} is the device, {@code doorId} its door when it has one.
     */
    TAMPER,
    /** Someone passed a gate (a turnstile's passage counter went up by one); {@code doorId} and {@code deviceId}. */
    PASSAGE,
    /**
     * A sensor reading (on change, at least every minute); attributes {@code quantity} (e.g. {@code temperature},
     * {@code humidity}), {@code value} (decimal, e.g. {@code 21.5}) and {@code unit} (e.g. {@code °C}, {@code %}).
     */
    SENSOR_READING,
    /**
     * An environmental alarm input changed; attributes {@code input}: {@code leak}, {@code smoke} or {@code power} (supply failed), and
     * {@code state}: {@code ACTIVE} or {@code CLEARED}.
     */
    SENSOR_ALARM,
    /**
     * A device still works but something happened that a security team must see; attribute {@code code}:
     * {@code INSTALL_KEY_USED} (an OSDP reader was reached with the published install key), {@code READER_KEYED} (it was
     * given its own key), {@code SECURE_CHANNEL_LOST} (a session broke: MAC failure or plaintext inside a session),
     * {@code PERMIT_STUCK_ON} (a gate's permit relay did not confirm it switched off).
     */
    DEVICE_SECURITY
}
