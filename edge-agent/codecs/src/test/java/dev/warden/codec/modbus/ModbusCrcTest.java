package dev.warden.codec.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Verifies CRC-16/MODBUS against its published check value and the frames of PROTOCOLS.md. */
class ModbusCrcTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    @Test
    void checkValueOfTheCrcCatalogue() {
        // CRC-16/MODBUS: poly 0x8005 reflected, init 0xFFFF, check("123456789") = 0x4B37
        byte[] ascii = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(ModbusCrc.compute(ascii, 0, ascii.length)).isEqualTo(0x4B37);
    }

    @Test
    void crcOfProtocolsMdExamplesIsAppendedLowByteFirst() {
        // 01 03 00 00 00 05 | 85 c9 : CRC 0xC985, low byte 0x85 first
        assertThat(ModbusCrc.compute(HEX.parseHex("01 03 00 00 00 05"), 0, 6)).isEqualTo(0xC985);
        assertThat(ModbusCrc.append(HEX.parseHex("01 03 00 00 00 05"))).isEqualTo(HEX.parseHex("01 03 00 00 00 05 85 c9"));
        assertThat(ModbusCrc.append(HEX.parseHex("01 04 00 00 00 02"))).isEqualTo(HEX.parseHex("01 04 00 00 00 02 71 cb"));
    }

    @Test
    void matchesOnlyAnIntactFrame() {
        byte[] frame = HEX.parseHex("01 04 00 00 00 02 71 cb");
        assertThat(ModbusCrc.matches(frame, 0, frame.length)).isTrue();
        frame[7] ^= 0x01;
        assertThat(ModbusCrc.matches(frame, 0, frame.length)).isFalse();
        assertThat(ModbusCrc.matches(frame, 0, 2)).as("too short to hold a CRC and a byte").isFalse();
    }

    @Test
    void matchesAtAnOffset() {
        byte[] data = HEX.parseHex("ff ff 01 03 00 00 00 05 85 c9 00");
        assertThat(ModbusCrc.matches(data, 2, 8)).isTrue();
        assertThat(ModbusCrc.matches(data, 1, 8)).isFalse();
    }
}
