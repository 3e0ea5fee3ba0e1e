package dev.warden.codec.osdp;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * OSDP Secure Channel cryptography (AES-128 through javax.crypto), as pure functions. Names follow the SIA
 * specification: RND.A is the CP's random number (osdp_CHLNG), RND.B the PD's (osdp_CCRYPT); the client cryptogram
 * is the PD's, the server cryptogram the CP's.
 *
 * <ul>
 *   <li>Session keys: S-ENC = AES-ECB(SCBK, 01 82 RND.A[0..5] 00*8), S-MAC1 with 01 01, S-MAC2 with 01 02.</li>
 *   <li>Client cryptogram = AES-ECB(S-ENC, RND.A ‖ RND.B); server cryptogram = AES-ECB(S-ENC, RND.B ‖ RND.A).</li>
 *   <li>R-MAC-I = AES-ECB(S-MAC2, AES-ECB(S-MAC1, server cryptogram)).</li>
 *   <li>MAC of a message: padded with 0x80 00.. to a 16-byte multiple when it is not one; AES-CBC with S-MAC1 over
 *       all blocks but the last, IV = the last MAC of the other side (R-MAC-I first); the last block encrypted with
 *       S-MAC2, IV = the previous cipher block. A frame carries the first 4 of its 16 bytes; the chain uses all 16.</li>
 *   <li>Data: always padded with 0x80 00.. (a full block when already aligned), AES-CBC with S-ENC, IV = the bitwise
 *       complement of the last MAC received from the other side.</li>
 * </ul>
 * Matches libosdp ({@code src/osdp_sc.c}) and the specification's Annex E vectors.
 */
public final class OsdpSecureChannel {

    /** Key and block length. */
    public static final int KEY_LENGTH = 16;

    private static final byte[] SCBK_D = {
        0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3A, 0x3B, 0x3C, 0x3D, 0x3E, 0x3F
    };
    private static final int PAD_MARKER = 0x80;

    private OsdpSecureChannel() {}

    /** The public default Secure Channel Base Key SCBK-D (30 31 .. 3F), for install mode only. */
    public static byte[] defaultKey() {
        return SCBK_D.clone();
    }

    /** {@code true} when {@code key} is SCBK-D. */
    public static boolean isDefaultKey(byte[] key) {
        return MessageDigest.isEqual(SCBK_D, key);
    }

    /** S-ENC, S-MAC1 and S-MAC2 from the base key and the CP's random number. */
    public static OsdpSessionKeys sessionKeys(byte[] scbk, byte[] rndA) {
        Bytes.exact("SCBK", scbk, KEY_LENGTH);
        Bytes.exact("RND.A", rndA, 8);
        return new OsdpSessionKeys(derive(scbk, 0x82, rndA), derive(scbk, 0x01, rndA), derive(scbk, 0x02, rndA));
    }

    private static byte[] derive(byte[] scbk, int kind, byte[] rndA) {
        byte[] block = new byte[KEY_LENGTH];
        block[0] = 0x01;
        block[1] = (byte) kind;
        System.arraycopy(rndA, 0, block, 2, 6);
        return aesEcb(scbk, block);
    }

    /** The PD's client cryptogram: AES-ECB(S-ENC, RND.A ‖ RND.B). */
    public static byte[] clientCryptogram(OsdpSessionKeys keys, byte[] rndA, byte[] rndB) {
        return aesEcb(keys.sEnc(), concat(Bytes.exact("RND.A", rndA, 8), Bytes.exact("RND.B", rndB, 8)));
    }

    /** The CP's server cryptogram: AES-ECB(S-ENC, RND.B ‖ RND.A). */
    public static byte[] serverCryptogram(OsdpSessionKeys keys, byte[] rndA, byte[] rndB) {
        return aesEcb(keys.sEnc(), concat(Bytes.exact("RND.B", rndB, 8), Bytes.exact("RND.A", rndA, 8)));
    }

    /** The initial R-MAC: AES-ECB(S-MAC2, AES-ECB(S-MAC1, server cryptogram)). */
    public static byte[] initialRmac(OsdpSessionKeys keys, byte[] serverCryptogram) {
        return aesEcb(keys.sMac2(), aesEcb(keys.sMac1(), Bytes.exact("server cryptogram", serverCryptogram, 16)));
    }

    /**
     * The 16-byte MAC of {@code message}, chained on {@code chain} (the last MAC of the other side: R-MAC for a
     * command, C-MAC for a reply; R-MAC-I for the first command of a session).
     */
    public static byte[] mac(OsdpSessionKeys keys, byte[] chain, byte[] message) {
        Bytes.exact("MAC chain", chain, 16);
        if (message.length == 0) {
            throw new IllegalArgumentException("nothing to MAC");
        }
        byte[] padded = message.length % KEY_LENGTH == 0 ? message.clone() : pad(message);
        byte[] iv = chain;
        if (padded.length > KEY_LENGTH) {
            byte[] head = aesCbcEncrypt(keys.sMac1(), iv, Arrays.copyOf(padded, padded.length - KEY_LENGTH));
            iv = Arrays.copyOfRange(head, head.length - KEY_LENGTH, head.length);
        }
        return aesCbcEncrypt(keys.sMac2(), iv, Arrays.copyOfRange(padded, padded.length - KEY_LENGTH, padded.length));
    }

    /** Encrypts data: pads with 0x80 00.. (always), AES-CBC with S-ENC, IV = the complement of {@code chain}. */
    public static byte[] encryptData(OsdpSessionKeys keys, byte[] chain, byte[] plain) {
        return aesCbcEncrypt(keys.sEnc(), Bytes.complement(Bytes.exact("chain", chain, 16)), pad(plain));
    }

    /**
     * Decrypts data encrypted by {@link #encryptData}; empty when the length is not a positive multiple of 16 or the
     * padding is not 0x80 00.. .
     */
    public static Optional<byte[]> decryptData(OsdpSessionKeys keys, byte[] chain, byte[] cipher) {
        if (cipher.length == 0 || cipher.length % KEY_LENGTH != 0) {
            return Optional.empty();
        }
        byte[] plain = aesCbcDecrypt(keys.sEnc(), Bytes.complement(Bytes.exact("chain", chain, 16)), cipher);
        int end = plain.length - 1;
        while (end > 0 && plain[end] == 0) {
            end--;
        }
        if ((plain[end] & 0xFF) != PAD_MARKER) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOf(plain, end));
    }

    /** Constant-time comparison of two byte arrays of the same length. */
    public static boolean sameBytes(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    private static byte[] pad(byte[] message) {
        int length = (message.length / KEY_LENGTH + 1) * KEY_LENGTH;
        byte[] out = Arrays.copyOf(message, length);
        out[message.length] = (byte) PAD_MARKER;
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] aesEcb(byte[] key, byte[] block) {
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            return cipher.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128/ECB is not available", e);
        }
    }

    static byte[] aesCbcEncrypt(byte[] key, byte[] iv, byte[] data) {
        return aesCbc(Cipher.ENCRYPT_MODE, key, iv, data);
    }

    static byte[] aesCbcDecrypt(byte[] key, byte[] iv, byte[] data) {
        return aesCbc(Cipher.DECRYPT_MODE, key, iv, data);
    }

    private static byte[] aesCbc(int mode, byte[] key, byte[] iv, byte[] data) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128/CBC is not available", e);
        }
    }
}
