package dev.warden.codec.osdp;

import java.util.HexFormat;

/** Test helper: hex strings with spaces to bytes and back. */
final class OsdpHex {

    private OsdpHex() {}

    static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replaceAll("\\s+", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }
}
