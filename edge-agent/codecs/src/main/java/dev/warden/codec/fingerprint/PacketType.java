package dev.warden.codec.fingerprint;

import java.util.Optional;

/** The packet identifier byte: what a packet carries. */
public enum PacketType {
    /** A command from the host (instruction code and parameters). */
    COMMAND(0x01),
    /** A data packet of a multi-packet transfer (templates, images), more to follow. */
    DATA(0x02),
    /** The module's acknowledgement of a command (confirmation code and results). */
    ACK(0x07),
    /** The last data packet of a transfer. */
    END_OF_DATA(0x08);

    private final int id;

    PacketType(int id) {
        this.id = id;
    }

    /** The byte on the wire. */
    public int id() {
        return id;
    }

    /** The type for a packet id byte, or empty for an id the protocol does not define. */
    public static Optional<PacketType> of(int id) {
        for (PacketType type : values()) {
            if (type.id == id) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
