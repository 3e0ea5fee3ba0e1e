package dev.warden.codec.osdp;

import static dev.warden.codec.osdp.OsdpHex.hex;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Published Secure Channel vectors.
 *
 * <ul>
 *   <li>SIA OSDP specification Annex E (SCBK-D, session keys, cryptograms, R-MAC-I), as reproduced in libosdp
 *       {@code tests/unit-tests/test-sc-sia-vectors.c} (test_scbkd_vectors). RND.A (the CP's "host random") is
 *       B0..B7, RND.B (the PD's random) A0..A7. The spec's "host cryptogram" is our server cryptogram, its "client
 *       cryptogram" our client cryptogram.</li>
 *   <li>MAC and data encryption: libosdp {@code tests/unit-tests/test-sc.c}, built on NIST SP 800-38A F.2.1
 *       (AES-128-CBC, key 2b7e1516..., IV 000102...0f) plus libosdp's derived OSDP-padding vectors.</li>
 * </ul>
 */
class OsdpSecureChannelVectorsTest {

    private static final byte[] RND_A = hex("B0 B1 B2 B3 B4 B5 B6 B7");
    private static final byte[] RND_B = hex("A0 A1 A2 A3 A4 A5 A6 A7");

    private static final byte[] NIST_KEY = hex("2b 7e 15 16 28 ae d2 a6 ab f7 15 88 09 cf 4f 3c");
    private static final byte[] NIST_IV = hex("00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f");
    private static final byte[] NIST_PT_4 = hex("""
            6b c1 be e2 2e 40 9f 96 e9 3d 7e 11 73 93 17 2a
            ae 2d 8a 57 1e 03 ac 9c 9e b7 6f ac 45 af 8e 51
            30 c8 1c 46 a3 5c e4 11 e5 fb c1 19 1a 0a 52 ef
            f6 9f 24 45 df 4f 9b 17 ad 2b 41 7b e6 6c 37 10""");

    @Test
    void defaultKeyIsThePublishedScbkD() {
        assertThat(OsdpSecureChannel.defaultKey()).isEqualTo(hex("30 31 32 33 34 35 36 37 38 39 3A 3B 3C 3D 3E 3F"));
        assertThat(OsdpSecureChannel.isDefaultKey(hex("30 31 32 33 34 35 36 37 38 39 3A 3B 3C 3D 3E 3F"))).isTrue();
    }

    @Test
    void annexESessionKeysFromScbkD() {
        OsdpSessionKeys keys = OsdpSecureChannel.sessionKeys(OsdpSecureChannel.defaultKey(), RND_A);
        assertThat(keys.sMac1()).isEqualTo(hex("5E 86 C6 76 60 3B DE E2 D8 BE AF E1 78 63 73 32"));
        assertThat(keys.sMac2()).isEqualTo(hex("6F DA 86 E8 57 77 7E 81 13 20 35 75 82 39 17 2E"));
        assertThat(keys.sEnc()).isEqualTo(hex("BF 8D C2 A8 32 9A CB 8C 67 C6 D0 CD 9A 45 16 82"));
        assertThat(keys.toString()).doesNotContain("5E", "5e", "BF", "bf");
    }

    @Test
    void annexECryptogramsAndInitialRmac() {
        OsdpSessionKeys keys = OsdpSecureChannel.sessionKeys(OsdpSecureChannel.defaultKey(), RND_A);
        byte[] server = OsdpSecureChannel.serverCryptogram(keys, RND_A, RND_B);
        assertThat(server).isEqualTo(hex("26 D3 35 6E 07 76 2D 26 28 01 FC 8E 66 65 A8 91"));
        assertThat(OsdpSecureChannel.clientCryptogram(keys, RND_A, RND_B))
                .isEqualTo(hex("FD E5 D2 F4 28 EC 16 31 24 71 EA 3C 02 BD 77 96"));
        assertThat(OsdpSecureChannel.initialRmac(keys, server))
                .isEqualTo(hex("B2 A3 00 57 EB 98 BA 22 29 EC 1F 87 56 62 B5 24"));
    }

    @Test
    void annexEHandshakeBothRolesWithFixedRandoms() {
        OsdpCpHandshake cp = new OsdpCpHandshake(OsdpSecureChannel.defaultKey(), true, RND_A);
        OsdpPdHandshake pd = new OsdpPdHandshake(OsdpSecureChannel.defaultKey(), true, hex("00 01 02 03 04 05 06 07"), RND_B);

        OsdpFrame chlng = cp.challenge(0x65, 1);
        assertThat(chlng.securityBlock()).contains(SecurityBlock.handshake(SecurityBlock.SCS_11, 0));
        OsdpFrame ccrypt = ((OsdpHandshakeStep.Proceed<OsdpFrame>) pd.onChallenge(chlng)).value();
        assertThat(ccrypt.data()).endsWith(hex("FD E5 D2 F4 28 EC 16 31 24 71 EA 3C 02 BD 77 96"));

        OsdpFrame scrypt = ((OsdpHandshakeStep.Proceed<OsdpFrame>) cp.onClientCryptogram(ccrypt, 2)).value();
        assertThat(scrypt.data()).isEqualTo(hex("26 D3 35 6E 07 76 2D 26 28 01 FC 8E 66 65 A8 91"));
        var established = ((OsdpHandshakeStep.Proceed<OsdpPdHandshake.Established>) pd.onServerCryptogram(scrypt)).value();
        assertThat(established.reply().data()).isEqualTo(hex("B2 A3 00 57 EB 98 BA 22 29 EC 1F 87 56 62 B5 24"));
        assertThat(cp.onInitialRmac(established.reply())).isInstanceOf(OsdpHandshakeStep.Proceed.class);
    }

    private static OsdpSessionKeys macKeys() {
        return new OsdpSessionKeys(new byte[16], NIST_KEY, NIST_KEY);
    }

    private static OsdpSessionKeys encKeys() {
        return new OsdpSessionKeys(NIST_KEY, new byte[16], new byte[16]);
    }

    @Test
    void macOfOneBlockIsAesCbcOfThatBlock() {
        byte[] mac = OsdpSecureChannel.mac(macKeys(), NIST_IV, java.util.Arrays.copyOf(NIST_PT_4, 16));
        assertThat(mac).isEqualTo(hex("76 49 ab ac 81 19 b2 46 ce e9 8e 9b 12 e9 19 7d"));
    }

    @Test
    void macOfFourBlocksIsTheLastCbcBlock() {
        // with S-MAC1 = S-MAC2 the OSDP MAC equals the last AES-CBC cipher block
        byte[] mac = OsdpSecureChannel.mac(macKeys(), NIST_IV, NIST_PT_4);
        assertThat(mac).isEqualTo(hex("3f f1 ca a1 68 1f ac 09 12 0e ca 30 75 86 e1 a7"));
    }

    @Test
    void macOfAPartialBlockPadsWith80() {
        byte[] mac = OsdpSecureChannel.mac(macKeys(), NIST_IV, hex("00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e"));
        assertThat(mac).isEqualTo(hex("c5 31 1f 3d 23 d0 86 ea 86 f5 ee 7f 85 24 7b 40"));
    }

    @Test
    void macUsesSMac1ForTheHeadAndSMac2ForTheLastBlock() {
        // different S-MAC1 and S-MAC2: the result must differ from the single-key CBC value
        OsdpSessionKeys keys = new OsdpSessionKeys(new byte[16], NIST_KEY, NIST_IV);
        byte[] mac = OsdpSecureChannel.mac(keys, NIST_IV, NIST_PT_4);
        byte[] head = OsdpSecureChannel.aesCbcEncrypt(NIST_KEY, NIST_IV, java.util.Arrays.copyOf(NIST_PT_4, 48));
        byte[] last = OsdpSecureChannel.aesCbcEncrypt(NIST_IV, java.util.Arrays.copyOfRange(head, 32, 48),
                java.util.Arrays.copyOfRange(NIST_PT_4, 48, 64));
        assertThat(mac).isEqualTo(last).isNotEqualTo(hex("3f f1 ca a1 68 1f ac 09 12 0e ca 30 75 86 e1 a7"));
    }

    @Test
    void encryptFifteenBytesIntoOneBlock() {
        // libosdp sets the chain MAC to ~IV so that the encryption IV (its complement) is the NIST IV
        byte[] chain = complement(NIST_IV);
        byte[] cipher = OsdpSecureChannel.encryptData(encKeys(), chain, hex("00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e"));
        assertThat(cipher).isEqualTo(hex("c5 31 1f 3d 23 d0 86 ea 86 f5 ee 7f 85 24 7b 40"));
        assertThat(OsdpSecureChannel.decryptData(encKeys(), chain, cipher))
                .hasValueSatisfying(p -> assertThat(p).isEqualTo(hex("00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e")));
    }

    @Test
    void encryptSixteenBytesAddsAFullPaddingBlock() {
        byte[] chain = complement(NIST_IV);
        byte[] plain = hex("00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f");
        byte[] cipher = OsdpSecureChannel.encryptData(encKeys(), chain, plain);
        assertThat(cipher).isEqualTo(hex("""
                7d f7 6b 0c 1a b8 99 b3 3e 42 f0 47 b9 1b 54 6f
                e2 fe 5b d6 c1 df cd d1 91 24 f0 3e 1a 13 4d 3b"""));
        assertThat(OsdpSecureChannel.decryptData(encKeys(), chain, cipher))
                .hasValueSatisfying(p -> assertThat(p).isEqualTo(plain));
    }

    @Test
    void encryptNothingGivesOnePaddingBlock() {
        byte[] cipher = OsdpSecureChannel.encryptData(encKeys(), complement(NIST_IV), new byte[0]);
        assertThat(cipher).isEqualTo(hex("4c 08 22 0c 79 d9 19 10 22 dc 66 74 87 4c ea f8"));
    }

    @Test
    void decryptRefusesBadLengthsAndAMissingMarker() {
        byte[] chain = complement(NIST_IV);
        assertThat(OsdpSecureChannel.decryptData(encKeys(), chain, new byte[15])).isEmpty();
        assertThat(OsdpSecureChannel.decryptData(encKeys(), chain, new byte[0])).isEmpty();
        byte[] noMarker = OsdpSecureChannel.aesCbcEncrypt(NIST_KEY, NIST_IV, new byte[16]);
        assertThat(OsdpSecureChannel.decryptData(encKeys(), chain, noMarker)).isEmpty();
    }

    @Test
    void nistCbcVectorThroughTheAesHelper() {
        assertThat(OsdpSecureChannel.aesCbcEncrypt(NIST_KEY, NIST_IV, NIST_PT_4)).isEqualTo(hex("""
                76 49 ab ac 81 19 b2 46 ce e9 8e 9b 12 e9 19 7d
                50 86 cb 9b 50 72 19 ee 95 db 11 3a 91 76 78 b2
                73 be d6 b8 e3 c1 74 3b 71 16 e6 9e 22 22 95 16
                3f f1 ca a1 68 1f ac 09 12 0e ca 30 75 86 e1 a7"""));
        assertThat(OsdpSecureChannel.aesCbcDecrypt(NIST_KEY, NIST_IV,
                OsdpSecureChannel.aesCbcEncrypt(NIST_KEY, NIST_IV, NIST_PT_4))).isEqualTo(NIST_PT_4);
    }

    private static byte[] complement(byte[] b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) ~b[i];
        }
        return out;
    }
}
