package dev.warden.sim.osdp;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * OSDP Secure Channel arithmetic (AES-128), as the SIA OSDP 2.2 specification (Annex D, examples in Annex E) defines
 * it and goToMain/libosdp (src/osdp_sc.c) implements it. RND.A is the control panel's random (from osdp_CHLNG),
 * RND.B the peripheral's (in osdp_CCRYPT).
 *
 * <ul>
 *   <li>Session keys: AES-ECB(SCBK, [01 82 | RND.A[0..5] | 00 x8]) = S-ENC; [01 01 ...] = S-MAC1;
 *       [01 02 ...] = S-MAC2.</li>
 *   <li>Client (PD) cryptogram: AES-ECB(S-ENC, RND.A | RND.B); server (CP) cryptogram:
 *       AES-ECB(S-ENC, RND.B | RND.A).</li>
 *   <li>Initial R-MAC (osdp_RMAC_I): AES-ECB(S-MAC2, AES-ECB(S-MAC1, server cryptogram)).</li>
 *   <li>MAC of a message M: pad with 0x80 00.. only when M is not a multiple of 16; AES-CBC with S-MAC1 over all blocks
 *       but the last (IV = the previous MAC of the other side: R-MAC for commands, C-MAC for replies), then the last
 *       block with S-MAC2 chained on; the MAC is that last cipher block, of which 4 bytes are sent.</li>
 *   <li>Data: always padded with 0x80 00..; AES-CBC with S-ENC, IV = the bitwise complement of that same previous
 *       MAC.</li>
 * </ul>
 */
final class OsdpSecureChannel {

    /** SCBK-D, the public default (install) key: 30 31 .. 3F. */
    static final byte[] SCBK_D = {
        0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E, 0x3F
    };

    static final int BLOCK = 16;

    private OsdpSecureChannel() {
    }

    /** The three session keys derived from an SCBK and the control panel's random. */
    record SessionKeys(byte[] enc, byte[] mac1, byte[] mac2) {
    }

    static SessionKeys sessionKeys(byte[] scbk, byte[] cpRandom) {
        return new SessionKeys(
                aesEcb(scbk, derivation(0x82, cpRandom)),
                aesEcb(scbk, derivation(0x01, cpRandom)),
                aesEcb(scbk, derivation(0x02, cpRandom)));
    }

    static byte[] clientCryptogram(SessionKeys keys, byte[] cpRandom, byte[] pdRandom) {
        return aesEcb(keys.enc(), concat(cpRandom, pdRandom));
    }

    static byte[] serverCryptogram(SessionKeys keys, byte[] cpRandom, byte[] pdRandom) {
        return aesEcb(keys.enc(), concat(pdRandom, cpRandom));
    }

    static byte[] initialRmac(SessionKeys keys, byte[] serverCryptogram) {
        return aesEcb(keys.mac2(), aesEcb(keys.mac1(), serverCryptogram));
    }

    /** The full 16-byte MAC of {@code message}, chained on {@code iv} (the other side's last MAC). */
    static byte[] mac(SessionKeys keys, byte[] iv, byte[] message) {
        int padded = message.length % BLOCK == 0 && message.length > 0
                ? message.length
                : (message.length / BLOCK + 1) * BLOCK;
        byte[] blocks = Arrays.copyOf(message, padded);
        if (padded != message.length) {
            blocks[message.length] = (byte) 0x80;
        }
        byte[] chain = iv.clone();
        if (padded > BLOCK) {
            byte[] head = aesCbc(keys.mac1(), chain, Arrays.copyOf(blocks, padded - BLOCK), Cipher.ENCRYPT_MODE);
            chain = Arrays.copyOfRange(head, head.length - BLOCK, head.length);
        }
        return aesCbc(keys.mac2(), chain, Arrays.copyOfRange(blocks, padded - BLOCK, padded), Cipher.ENCRYPT_MODE);
    }

    /** Encrypts a data block: 0x80 end marker, zero padding to 16, AES-CBC(S-ENC, IV = ~lastMac). */
    static byte[] encrypt(SessionKeys keys, byte[] lastMac, byte[] plain) {
        byte[] padded = Arrays.copyOf(plain, (plain.length / BLOCK + 1) * BLOCK);
        padded[plain.length] = (byte) 0x80;
        return aesCbc(keys.enc(), complement(lastMac), padded, Cipher.ENCRYPT_MODE);
    }

    /** Decrypts a data block and strips its padding; empty when the length or the padding is wrong. */
    static Optional<byte[]> decrypt(SessionKeys keys, byte[] lastMac, byte[] cipherText) {
        if (cipherText.length == 0 || cipherText.length % BLOCK != 0) {
            return Optional.empty();
        }
        byte[] plain = aesCbc(keys.enc(), complement(lastMac), cipherText, Cipher.DECRYPT_MODE);
        int end = plain.length - 1;
        while (end > 0 && plain[end] == 0) {
            end--;
        }
        if ((plain[end] & 0xFF) != 0x80 || plain.length - end > BLOCK) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOf(plain, end));
    }

    /** Constant-time comparison of the first {@code length} bytes. */
    static boolean sameBytes(byte[] a, byte[] b, int length) {
        if (a == null || b == null || a.length < length || b.length < length) {
            return false;
        }
        return MessageDigest.isEqual(Arrays.copyOf(a, length), Arrays.copyOf(b, length));
    }

    static byte[] aesEcb(byte[] key, byte[] block) {
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            return cipher.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128 is part of every JDK", e);
        }
    }

    private static byte[] aesCbc(byte[] key, byte[] iv, byte[] data, int mode) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128 is part of every JDK", e);
        }
    }

    private static byte[] derivation(int second, byte[] cpRandom) {
        byte[] block = new byte[BLOCK];
        block[0] = 0x01;
        block[1] = (byte) second;
        System.arraycopy(cpRandom, 0, block, 2, 6);
        return block;
    }

    private static byte[] complement(byte[] value) {
        byte[] out = new byte[value.length];
        for (int i = 0; i < value.length; i++) {
            out[i] = (byte) ~value[i];
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
