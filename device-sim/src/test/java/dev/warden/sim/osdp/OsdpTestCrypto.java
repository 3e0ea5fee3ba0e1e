package dev.warden.sim.osdp;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The test control panel's own CRC and Secure Channel arithmetic, written apart from the simulator's main code (a table
 * CRC instead of the bitwise one, its own MAC chaining and padding) so that the panel checks the reader rather than
 * mirroring it. Formulas: SIA OSDP 2.2 Annex D; goToMain/libosdp src/osdp_sc.c.
 */
final class OsdpTestCrypto {

    static final byte[] SCBK_D = hex("303132333435363738393A3B3C3D3E3F");

    private static final int[] CRC_TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i << 8;
            for (int k = 0; k < 8; k++) {
                c = (c & 0x8000) != 0 ? (c << 1) ^ 0x1021 : c << 1;
            }
            CRC_TABLE[i] = c & 0xFFFF;
        }
    }

    private OsdpTestCrypto() {
    }

    static int crc(byte[] data, int from, int to) {
        int crc = 0x1D0F;
        for (int i = from; i < to; i++) {
            crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 8) ^ data[i]) & 0xFF]) & 0xFFFF;
        }
        return crc;
    }

    static int sum(byte[] data, int from, int to) {
        int s = 0;
        for (int i = from; i < to; i++) {
            s = (s + (data[i] & 0xFF)) & 0xFF;
        }
        return (0x100 - s) & 0xFF;
    }

    /** S-ENC, S-MAC1, S-MAC2 (in that order). */
    static byte[][] sessionKeys(byte[] scbk, byte[] cpRandom) {
        byte[][] keys = new byte[3][];
        int[] second = {0x82, 0x01, 0x02};
        for (int k = 0; k < 3; k++) {
            byte[] input = new byte[16];
            input[0] = 1;
            input[1] = (byte) second[k];
            for (int i = 0; i < 6; i++) {
                input[2 + i] = cpRandom[i];
            }
            keys[k] = ecb(scbk, input);
        }
        return keys;
    }

    static byte[] ecb(byte[] key, byte[] block) {
        return run("AES/ECB/NoPadding", Cipher.ENCRYPT_MODE, key, null, block);
    }

    static byte[] cbc(int mode, byte[] key, byte[] iv, byte[] data) {
        return run("AES/CBC/NoPadding", mode, key, iv, data);
    }

    /** MAC: the message, padded 80 00.. only when not block-aligned; CBC under S-MAC1 then the last block under S-MAC2. */
    static byte[] mac(byte[] mac1, byte[] mac2, byte[] iv, byte[] message) {
        int blocks = (message.length + 15) / 16;
        byte[] padded = new byte[blocks * 16];
        System.arraycopy(message, 0, padded, 0, message.length);
        if (message.length % 16 != 0) {
            padded[message.length] = (byte) 0x80;
        }
        byte[] chain = iv;
        for (int b = 0; b < blocks; b++) {
            byte[] block = Arrays.copyOfRange(padded, b * 16, b * 16 + 16);
            for (int i = 0; i < 16; i++) {
                block[i] ^= chain[i];
            }
            chain = ecb(b == blocks - 1 ? mac2 : mac1, block);
        }
        return chain;
    }

    static byte[] encrypt(byte[] enc, byte[] previousMac, byte[] plain) {
        int length = (plain.length + 16) / 16 * 16;
        byte[] padded = new byte[length];
        System.arraycopy(plain, 0, padded, 0, plain.length);
        padded[plain.length] = (byte) 0x80;
        return cbc(Cipher.ENCRYPT_MODE, enc, not(previousMac), padded);
    }

    static byte[] decrypt(byte[] enc, byte[] previousMac, byte[] cipherText) {
        byte[] plain = cbc(Cipher.DECRYPT_MODE, enc, not(previousMac), cipherText);
        int end = plain.length;
        do {
            end--;
        } while (end > 0 && plain[end] == 0);
        if ((plain[end] & 0xFF) != 0x80) {
            throw new AssertionError("reply data without the 0x80 end marker");
        }
        return Arrays.copyOf(plain, end);
    }

    static byte[] not(byte[] value) {
        byte[] out = new byte[value.length];
        for (int i = 0; i < value.length; i++) {
            out[i] = (byte) (value[i] ^ 0xFF);
        }
        return out;
    }

    static byte[] join(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] hex(String hex) {
        String clean = hex.replaceAll("[^0-9A-Fa-f]", "");
        byte[] out = new byte[clean.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(clean.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(String.format("%02x", b & 0xFF));
        }
        return sb.toString();
    }

    private static byte[] run(String transformation, int mode, byte[] key, byte[] iv, byte[] data) {
        try {
            Cipher cipher = Cipher.getInstance(transformation);
            if (iv == null) {
                cipher.init(mode, new SecretKeySpec(key, "AES"));
            } else {
                cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            }
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
