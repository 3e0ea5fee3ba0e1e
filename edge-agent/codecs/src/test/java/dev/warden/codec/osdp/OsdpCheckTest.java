package dev.warden.codec.osdp;

import static dev.warden.codec.osdp.OsdpHex.hex;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Verifies the CRC-16 and checksum against the SIA OSDP specification's Annex E examples, as reproduced in libosdp
 * {@code tests/unit-tests/test-sc-sia-vectors.c} (test_crc_vectors, test_checksum_vectors).
 */
class OsdpCheckTest {

    @Test
    void crcAnnexEExample1() {
        // SOM, addr 7F (broadcast), LEN 0x000D, CTRL 04 (CRC), COMSET 6E, address 00, baud 80 25 00 00 (9600)
        byte[] msg = hex("53 7F 0D 00 04 6E 00 80 25 00 00");
        // expected on the wire: 6E 38 (low byte first)
        assertThat(OsdpCheck.crc16(msg, 0, msg.length)).isEqualTo(0x386E);
    }

    @Test
    void crcAnnexEExample2() {
        // SOM, addr 00, LEN 0x0009, CTRL 04 (CRC), ID 61, data 00
        byte[] msg = hex("53 00 09 00 04 61 00");
        assertThat(OsdpCheck.crc16(msg, 0, msg.length)).isEqualTo(0x66C0); // C0 66 on the wire
    }

    @Test
    void checksumAnnexEExample1() {
        // same COMSET as CRC example 1 but LEN 0x000C and CTRL 00 (checksum)
        byte[] msg = hex("53 7F 0C 00 00 6E 00 80 25 00 00");
        assertThat(OsdpCheck.checksum(msg, 0, msg.length)).isEqualTo(0x0F);
    }

    @Test
    void checksumAnnexEExample2() {
        byte[] msg = hex("53 00 08 00 00 61 00");
        assertThat(OsdpCheck.checksum(msg, 0, msg.length)).isEqualTo(0x44);
    }

    @Test
    void checksumMakesTheByteSumZero() {
        byte[] msg = hex("53 00 08 00 00 61 00 44");
        int sum = 0;
        for (byte b : msg) {
            sum += b & 0xFF;
        }
        assertThat(sum & 0xFF).isZero();
    }

    @Test
    void crcAndChecksumCoverOnlyTheGivenRange() {
        byte[] padded = hex("AA BB 53 00 09 00 04 61 00 CC");
        assertThat(OsdpCheck.crc16(padded, 2, 7)).isEqualTo(0x66C0);
        assertThat(OsdpCheck.checksum(hex("FF 53 00 08 00 00 61 00"), 1, 7)).isEqualTo(0x44);
    }
}
