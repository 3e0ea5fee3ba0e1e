package dev.warden.codec.osdp;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One OSDP frame, as fields. On the wire: [0xFF mark] SOM 0x53, address (bit 7 set in replies), LEN (2 bytes
 * little-endian: SOM to the last check byte, mark excluded), CTRL (bits 0-1 sequence, bit 2 CRC-16 else checksum,
 * bit 3 security block present), optional security block, command or reply code, data, MAC (4 bytes, security block
 * types SCS_15 .. SCS_18 only), CRC-16 low byte first or 1-byte checksum.
 *
 * <p>{@code data} is the data as carried on the wire (encrypted for SCS_17/SCS_18). {@code toString} shows the data
 * length only, never its bytes (a KEYSET carries a key).
 *
 * @param address       the PD address, 0..0x7F (0x7F = broadcast)
 * @param reply         {@code true} for PD → CP (address bit 7 set)
 * @param sequence      0..3 (0 restarts the link)
 * @param crc           {@code true} for CRC-16, {@code false} for the 8-bit checksum
 * @param securityBlock the security block, if any
 * @param code          the command or reply code
 * @param data          the data after the code (copied)
 * @param mac           the 4 MAC bytes, or empty
 */
public record OsdpFrame(
        int address,
        boolean reply,
        int sequence,
        boolean crc,
        Optional<SecurityBlock> securityBlock,
        int code,
        byte[] data,
        byte[] mac) {

    /** The broadcast address. */
    public static final int BROADCAST = 0x7F;
    /** Length of the MAC carried in a frame (the first 4 bytes of the 16-byte AES MAC). */
    public static final int MAC_LENGTH = 4;

    public OsdpFrame {
        if (address < 0 || address > 0x7F) {
            throw new IllegalArgumentException("address out of range: " + address);
        }
        if (sequence < 0 || sequence > 3) {
            throw new IllegalArgumentException("sequence out of range: " + sequence);
        }
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("code out of range: " + code);
        }
        Objects.requireNonNull(securityBlock, "securityBlock");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(mac, "mac");
        if (mac.length != 0 && mac.length != MAC_LENGTH) {
            throw new IllegalArgumentException("a MAC has 4 bytes");
        }
        data = data.clone();
        mac = mac.clone();
    }

    /** A plaintext command (CP → PD) with CRC-16. */
    public static OsdpFrame command(int address, int sequence, int code, byte[] data) {
        return new OsdpFrame(address, false, sequence, true, Optional.empty(), code, data, new byte[0]);
    }

    /** A plaintext command (CP → PD) with CRC-16 built from a typed command. */
    public static OsdpFrame command(int address, int sequence, OsdpCommand command) {
        return command(address, sequence, command.code(), command.encode());
    }

    /** A plaintext reply (PD → CP) with CRC-16. */
    public static OsdpFrame reply(int address, int sequence, int code, byte[] data) {
        return new OsdpFrame(address, true, sequence, true, Optional.empty(), code, data, new byte[0]);
    }

    /** A plaintext reply (PD → CP) with CRC-16 built from a typed reply. */
    public static OsdpFrame reply(int address, int sequence, OsdpReply reply) {
        return reply(address, sequence, reply.code(), reply.encode());
    }

    /** This frame with a security block. */
    public OsdpFrame withSecurityBlock(SecurityBlock block) {
        return new OsdpFrame(address, reply, sequence, crc, Optional.of(block), code, data, mac);
    }

    /** This frame with other data. */
    public OsdpFrame withData(byte[] newData) {
        return new OsdpFrame(address, reply, sequence, crc, securityBlock, code, newData, mac);
    }

    /** This frame with a MAC. */
    public OsdpFrame withMac(byte[] newMac) {
        return new OsdpFrame(address, reply, sequence, crc, securityBlock, code, data, newMac);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    /** The number of data bytes. */
    public int dataLength() {
        return data.length;
    }

    /** {@code true} when the frame carries a security block of a session type (it has a MAC). */
    public boolean secured() {
        return securityBlock.map(SecurityBlock::hasMac).orElse(false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OsdpFrame f
                && address == f.address
                && reply == f.reply
                && sequence == f.sequence
                && crc == f.crc
                && code == f.code
                && securityBlock.equals(f.securityBlock)
                && Arrays.equals(data, f.data)
                && Arrays.equals(mac, f.mac);
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, reply, sequence, crc, securityBlock, code, Arrays.hashCode(data), Arrays.hashCode(mac));
    }

    @Override
    public String toString() {
        return "OsdpFrame[" + (reply ? "reply" : "command") + " 0x" + Integer.toHexString(code)
                + ", address=" + address + ", seq=" + sequence + (crc ? ", crc" : ", checksum")
                + securityBlock.map(b -> ", scb=0x" + Integer.toHexString(b.type())).orElse("")
                + ", data=" + data.length + " bytes" + (mac.length > 0 ? ", mac" : "") + "]";
    }
}
