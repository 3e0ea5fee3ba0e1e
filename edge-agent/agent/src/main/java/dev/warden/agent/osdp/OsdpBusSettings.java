package dev.warden.agent.osdp;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One OSDP multi-drop line and its readers.
 *
 * @param busId                 the bus id (thread name, logs)
 * @param secureChannelRequired {@code true}: every reader must run Secure Channel (never plaintext; SCBK-D only for
 *                              a reader in install mode that is not yet keyed); {@code false}: plaintext only
 * @param readers               the readers, with distinct ids, addresses and relay ids
 */
public record OsdpBusSettings(String busId, boolean secureChannelRequired, List<OsdpReaderSettings> readers) {

    /** How long to wait for a PD's reply (OSDP: 200 ms). */
    public static final Duration REPLY_TIMEOUT = Duration.ofMillis(200);
    /** A PD without a valid reply for this long is reported offline (OSDP: 8 s). */
    public static final Duration OFFLINE_AFTER = Duration.ofSeconds(8);
    /** Each PD is polled about this often (~20 polls per second). */
    public static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    /**
     * A frame that gets no reply is sent again, with the same sequence number, on the reader's next turns (one
     * attempt per turn, so a reader that stops answering delays the others by one reply timeout per round); after
     * this many resends the reader starts over at sequence 0.
     */
    public static final int RETRIES = 3;

    public OsdpBusSettings {
        Objects.requireNonNull(busId, "busId");
        readers = List.copyOf(readers);
        if (readers.isEmpty()) {
            throw new IllegalArgumentException("OSDP bus " + busId + " has no readers");
        }
        Set<String> ids = new HashSet<>();
        Set<Integer> addresses = new HashSet<>();
        Set<String> relays = new HashSet<>();
        for (OsdpReaderSettings r : readers) {
            if (!ids.add(r.readerId())) {
                throw new IllegalArgumentException("OSDP bus " + busId + ": reader " + r.readerId() + " appears twice");
            }
            if (!addresses.add(r.address())) {
                throw new IllegalArgumentException("OSDP bus " + busId + ": address " + r.address() + " is used twice");
            }
            for (String relay : r.relays().keySet()) {
                if (!relays.add(relay)) {
                    throw new IllegalArgumentException("OSDP bus " + busId + ": relay " + relay + " belongs to two readers");
                }
            }
        }
    }
}
