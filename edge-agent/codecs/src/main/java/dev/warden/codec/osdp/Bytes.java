package dev.warden.codec.osdp;

import java.util.HexFormat;

/** Small byte helpers shared by the codec (package-private). */
final class Bytes {

    private Bytes() {}

    static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    static int u16le(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    static int u24le(byte[] b, int at) {
        return u16le(b, at) | (b[at + 2] & 0xFF) << 16;
    }

    static long u32le(byte[] b, int at) {
        return (u16le(b, at) | (long) u16le(b, at + 2) << 16) & 0xFFFFFFFFL;
    }

    static void put16le(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    static void put32le(byte[] b, int at, long v) {
        put16le(b, at, (int) v);
        put16le(b, at + 2, (int) (v >>> 16));
    }

    static int range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " out of range " + min + ".." + max + ": " + value);
        }
        return value;
    }

    static byte[] exact(String name, byte[] value, int length) {
        if (value == null || value.length != length) {
            throw new IllegalArgumentException(name + " must have " + length + " bytes");
        }
        return value.clone();
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    static byte[] complement(byte[] b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) ~b[i];
        }
        return out;
    }
}
