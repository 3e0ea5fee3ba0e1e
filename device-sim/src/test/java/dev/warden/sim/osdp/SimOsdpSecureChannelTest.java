package dev.warden.sim.osdp;

import static dev.warden.sim.osdp.OsdpTestCrypto.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.sim.osdp.OsdpSecureChannel.SessionKeys;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Verifies the simulator's Secure Channel arithmetic against published vectors.
 *
 * <p>Session keys, cryptograms and the initial R-MAC: SIA OSDP 2.2 Annex E (SCBK-D example), as reproduced in
 * goToMain/libosdp tests/unit-tests/test-sc-sia-vectors.c (test_scbkd_vectors). MAC chaining and data block
 * encryption: goToMain/libosdp tests/unit-tests/test-sc.c, built on NIST SP 800-38A F.2.1 (AES-128-CBC) with the OSDP
 * 0x80 end-marker padding.
 */
class SimOsdpSecureChannelTest {

    static final byte[] CP_RANDOM = hex("B0 B1 B2 B3 B4 B5 B6 B7");  // RND.A, Annex E
    static final byte[] PD_RANDOM = hex("A0 A1 A2 A3 A4 A5 A6 A7");  // RND.B, Annex E
    static final byte[] S_ENC = hex("BF 8D C2 A8 32 9A CB 8C 67 C6 D0 CD 9A 45 16 82");
    static final byte[] S_MAC1 = hex("5E 86 C6 76 60 3B DE E2 D8 BE AF E1 78 63 73 32");
    static final byte[] S_MAC2 = hex("6F DA 86 E8 57 77 7E 81 13 20 35 75 82 39 17 2E");
    static final byte[] SERVER_CRYPTOGRAM = hex("26 D3 35 6E 07 76 2D 26 28 01 FC 8E 66 65 A8 91"); // "host"
    static final byte[] CLIENT_CRYPTOGRAM = hex("FD E5 D2 F4 28 EC 16 31 24 71 EA 3C 02 BD 77 96");
    static final byte[] RMAC_I = hex("B2 A3 00 57 EB 98 BA 22 29 EC 1F 87 56 62 B5 24");

    // NIST SP 800-38A F.2.1 and the OSDP-padded derivations from libosdp test-sc.c
    static final byte[] NIST_KEY = hex("2b7e151628aed2a6abf7158809cf4f3c");
    static final byte[] NIST_IV = hex("000102030405060708090a0b0c0d0e0f");
    static final byte[] NIST_PLAIN = hex("6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51"
            + "30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710");
    static final byte[] NIST_CIPHER_1 = hex("7649abac8119b246cee98e9b12e9197d");
    static final byte[] NIST_CIPHER_4_LAST = hex("3ff1caa1681fac09120eca307586e1a7");
    static final byte[] OSDP_CT_15 = hex("c5311f3d23d086ea86f5ee7f85247b40");
    static final byte[] OSDP_CT_16 = hex("7df76b0c1ab899b33e42f047b91b546f e2fe5bd6c1dfcdd19124f03e1a134d3b");
    static final byte[] OSDP_CT_0 = hex("4c08220c79d9191022dc6674874ceaf8");
    static final byte[] PLAIN_15 = hex("000102030405060708090a0b0c0d0e");
    static final byte[] PLAIN_16 = hex("000102030405060708090a0b0c0d0e0f");

    static SessionKeys nistKeys() {
        return new SessionKeys(NIST_KEY, NIST_KEY, NIST_KEY);
    }

    static byte[] not(byte[] v) {
        return OsdpTestCrypto.not(v);
    }

    @Test
    void sessionKeysFromScbkDMatchAnnexE() {
        SessionKeys keys = OsdpSecureChannel.sessionKeys(OsdpSecureChannel.SCBK_D, CP_RANDOM);

        assertThat(keys.enc()).isEqualTo(S_ENC);
        assertThat(keys.mac1()).isEqualTo(S_MAC1);
        assertThat(keys.mac2()).isEqualTo(S_MAC2);
    }

    @Test
    void cryptogramsAndInitialRmacMatchAnnexE() {
        SessionKeys keys = OsdpSecureChannel.sessionKeys(OsdpSecureChannel.SCBK_D, CP_RANDOM);

        assertThat(OsdpSecureChannel.clientCryptogram(keys, CP_RANDOM, PD_RANDOM)).isEqualTo(CLIENT_CRYPTOGRAM);
        assertThat(OsdpSecureChannel.serverCryptogram(keys, CP_RANDOM, PD_RANDOM)).isEqualTo(SERVER_CRYPTOGRAM);
        assertThat(OsdpSecureChannel.initialRmac(keys, SERVER_CRYPTOGRAM)).isEqualTo(RMAC_I);
    }

    @Test
    void theDefaultKeyIsThePublicScbkD() {
        assertThat(OsdpSecureChannel.SCBK_D).isEqualTo(hex("30 31 32 33 34 35 36 37 38 39 3A 3B 3C 3D 3E 3F"));
    }

    @Test
    void macOfOneBlockIsOneCbcBlock() {
        assertThat(OsdpSecureChannel.mac(nistKeys(), NIST_IV, Arrays.copyOf(NIST_PLAIN, 16))).isEqualTo(NIST_CIPHER_1);
    }

    @Test
    void macOfFourBlocksIsTheLastCbcBlock() {
        assertThat(OsdpSecureChannel.mac(nistKeys(), NIST_IV, NIST_PLAIN)).isEqualTo(NIST_CIPHER_4_LAST);
    }

    @Test
    void macOfAPartialBlockPadsWithTheEndMarker() {
        assertThat(OsdpSecureChannel.mac(nistKeys(), NIST_IV, PLAIN_15)).isEqualTo(OSDP_CT_15);
    }

    @Test
    void macUsesSmac1ForLeadingBlocksAndSmac2ForTheLast() {
        // independent check against the test panel's own block-by-block implementation, with distinct keys
        SessionKeys keys = OsdpSecureChannel.sessionKeys(OsdpSecureChannel.SCBK_D, CP_RANDOM);
        byte[] message = Arrays.copyOf(NIST_PLAIN, 37);
        assertThat(OsdpSecureChannel.mac(keys, RMAC_I, message))
                .isEqualTo(OsdpTestCrypto.mac(S_MAC1, S_MAC2, RMAC_I, message));
    }

    @Test
    void encryptionAlwaysAppendsTheEndMarker() {
        // libosdp test-sc.c init_sc_data_ctx: the stored MAC is the complement of the IV
        assertThat(OsdpSecureChannel.encrypt(nistKeys(), not(NIST_IV), new byte[0])).isEqualTo(OSDP_CT_0);
        assertThat(OsdpSecureChannel.encrypt(nistKeys(), not(NIST_IV), PLAIN_15)).isEqualTo(OSDP_CT_15);
        assertThat(OsdpSecureChannel.encrypt(nistKeys(), not(NIST_IV), PLAIN_16)).isEqualTo(OSDP_CT_16);
    }

    @Test
    void decryptionStripsThePadding() {
        assertThat(OsdpSecureChannel.decrypt(nistKeys(), not(NIST_IV), OSDP_CT_15)).hasValue(PLAIN_15);
        assertThat(OsdpSecureChannel.decrypt(nistKeys(), not(NIST_IV), OSDP_CT_16)).hasValue(PLAIN_16);
        assertThat(OsdpSecureChannel.decrypt(nistKeys(), not(NIST_IV), OSDP_CT_0)).hasValue(new byte[0]);
    }

    @Test
    void decryptionRefusesBadLengthsAndMissingEndMarkers() {
        assertThat(OsdpSecureChannel.decrypt(nistKeys(), not(NIST_IV), new byte[15])).isEmpty();
        assertThat(OsdpSecureChannel.decrypt(nistKeys(), not(NIST_IV), new byte[0])).isEmpty();
        // libosdp test_sc_decrypt_data_invalid_marker: a block without 0x80
        byte[] noMarker = OsdpTestCrypto.cbc(javax.crypto.Cipher.ENCRYPT_MODE, NIST_KEY, NIST_IV, new byte[16]);
        assertThat(OsdpSecureChannel.decrypt(nistKeys(), not(NIST_IV), noMarker)).isEmpty();
    }

    @Test
    void comparesMacPrefixes() {
        assertThat(OsdpSecureChannel.sameBytes(RMAC_I, Arrays.copyOf(RMAC_I, 4), 4)).isTrue();
        assertThat(OsdpSecureChannel.sameBytes(RMAC_I, S_ENC, 4)).isFalse();
        assertThat(OsdpSecureChannel.sameBytes(RMAC_I, null, 4)).isFalse();
        assertThat(OsdpSecureChannel.sameBytes(RMAC_I, new byte[3], 4)).isFalse();
    }
}
