package dev.warden.codec.osdp;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The optional security control block of a frame: its type ({@code SCS_11} .. {@code SCS_18}) and data (one byte
 * in the handshake types, none in the session types). The length byte on the wire is {@code 2 + data.length}.
 *
 * @param type the security block type
 * @param data the security block data (copied)
 */
public record SecurityBlock(int type, byte[] data) {

    /** CP → PD, osdp_CHLNG: begin the handshake; data 1 = SCBK, 0 = SCBK-D. */
    public static final int SCS_11 = 0x11;
    /** PD → CP, osdp_CCRYPT: client cryptogram; data 1 = SCBK, 0 = SCBK-D. */
    public static final int SCS_12 = 0x12;
    /** CP → PD, osdp_SCRYPT: server cryptogram; data 1 = SCBK, 0 = SCBK-D. */
    public static final int SCS_13 = 0x13;
    /** PD → CP, osdp_RMAC_I: initial R-MAC; data 1 = server cryptogram accepted, 0 = refused. */
    public static final int SCS_14 = 0x14;
    /** CP → PD, MAC, data not encrypted (used for commands without data). */
    public static final int SCS_15 = 0x15;
    /** PD → CP, MAC, data not encrypted (used for replies without data). */
    public static final int SCS_16 = 0x16;
    /** CP → PD, MAC and encrypted data. */
    public static final int SCS_17 = 0x17;
    /** PD → CP, MAC and encrypted data. */
    public static final int SCS_18 = 0x18;

    /** Largest security block data this codec accepts (the length byte allows 253). */
    public static final int MAX_DATA = 253;

    public SecurityBlock {
        if (type < SCS_11 || type > SCS_18) {
            throw new IllegalArgumentException("security block type out of range: " + type);
        }
        if (data == null || data.length > MAX_DATA) {
            throw new IllegalArgumentException("security block data missing or too long");
        }
        data = data.clone();
    }

    /** A handshake block (SCS_11 .. SCS_14) with its one data byte. */
    public static SecurityBlock handshake(int type, int value) {
        return new SecurityBlock(type, new byte[] {(byte) value});
    }

    /** A session block (SCS_15 .. SCS_18) without data. */
    public static SecurityBlock session(int type) {
        return new SecurityBlock(type, new byte[0]);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** {@code true} for SCS_15 .. SCS_18, the types that carry a MAC after the data. */
    public boolean hasMac() {
        return type >= SCS_15;
    }

    /** {@code true} for SCS_17 and SCS_18, whose data is encrypted. */
    public boolean encrypted() {
        return type == SCS_17 || type == SCS_18;
    }

    /** The first data byte, or -1 without data. */
    public int firstDataByte() {
        return data.length == 0 ? -1 : data[0] & 0xFF;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecurityBlock other && type == other.type && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "SecurityBlock[type=0x" + Integer.toHexString(type) + ", data=" + HexFormat.of().formatHex(data) + "]";
    }
}
