package dev.warden.agent.device;

/**
 * Port: what serial device drivers report to the agent. Drivers call it from their own bus thread; the agent hands
 * each call to its worker, so implementations return at once and never throw. Device ids are the ids of the agent
 * configuration (a reader, a fingerprint module, a gate, a sensor), never bus addresses.
 */
public interface DeviceEvents {

    /** A reader read a card; {@code bits} is the raw Wiegand/RAW card data, '0' and '1' characters, first bit first. */
    void cardRead(String readerId, String bits);

    /** Keys pressed on a reader's keypad, as ASCII digits, '*' and '#'. */
    void keypad(String readerId, String keys);

    /**
     * A digital input changed: a door contact ({@code "contact"}, active = open), a tamper switch ({@code "tamper"},
     * active = tampered), a gate's passage sensor ({@code "passage"}, active = someone passed), a leak or smoke
     * detector ({@code "leak"}, {@code "smoke"}, active = alarm).
     */
    void input(String deviceId, String input, boolean active);

    /** A measured value, already scaled: {@code quantity} such as {@code temperature}, {@code unit} such as {@code C}. */
    void reading(String deviceId, String quantity, double value, String unit);

    /** The device answers (again) after having been offline, or for the first time after start. */
    void online(String deviceId);

    /**
     * Something a security team must see although the device still works: the published install key was used
     * ({@code INSTALL_KEY_USED}), a reader was given its own key ({@code READER_KEYED}), a Secure Channel session was
     * lost ({@code SECURE_CHANNEL_LOST}), a relay did not confirm it switched off ({@code PERMIT_STUCK_ON}). {@code code}
     * is a short upper-case code, never a secret.
     */
    void security(String deviceId, String code);

    /**
     * The device stopped answering, sent only garbage, or its line went away; {@code reason} is a short code such as
     * {@code NO_REPLY}, {@code LINK_DOWN}, {@code SECURE_CHANNEL_FAILED}, {@code BAD_PASSWORD}.
     */
    void offline(String deviceId, String reason);
}
