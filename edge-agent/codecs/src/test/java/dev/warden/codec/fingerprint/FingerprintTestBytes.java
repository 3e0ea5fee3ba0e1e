package dev.warden.codec.fingerprint;

import java.util.HexFormat;

/** Hex helpers for the fingerprint codec tests: spaces in hex strings are for readability only. */
final class FingerprintTestBytes {

    private FingerprintTestBytes() {
    }

    static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
