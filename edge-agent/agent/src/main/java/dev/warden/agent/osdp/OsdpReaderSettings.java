package dev.warden.agent.osdp;

import java.util.Map;
import java.util.Objects;

/**
 * One OSDP reader (peripheral device) on a bus.
 *
 * @param readerId    the reader's id in the agent configuration (used in every event)
 * @param address     its OSDP address, 0..0x7E (0x7F is broadcast)
 * @param installMode {@code true} while the reader may still be reached with the default key SCBK-D, to be keyed
 *                    with its own SCBK by osdp_KEYSET; used at most once: SCBK-D is refused for a reader known to be
 *                    keyed, whatever this says
 * @param relays      relay id (a door's lock id) → the reader's output number
 */
public record OsdpReaderSettings(String readerId, int address, boolean installMode, Map<String, Integer> relays) {

    public OsdpReaderSettings {
        Objects.requireNonNull(readerId, "readerId");
        if (readerId.isBlank()) {
            throw new IllegalArgumentException("readerId is blank");
        }
        if (readerId.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("readerId contains control characters");
        }
        if (address < 0 || address > 0x7E) {
            throw new IllegalArgumentException("reader " + readerId + ": OSDP address must be 0..126, not " + address);
        }
        relays = Map.copyOf(relays == null ? Map.of() : relays);
        relays.forEach((relay, output) -> {
            if (output == null || output < 0 || output > 0xFF) {
                throw new IllegalArgumentException("reader " + readerId + ": relay " + relay + " needs an output 0..255");
            }
        });
    }

    /** A reader without relays. */
    public OsdpReaderSettings(String readerId, int address, boolean installMode) {
        this(readerId, address, installMode, Map.of());
    }
}
