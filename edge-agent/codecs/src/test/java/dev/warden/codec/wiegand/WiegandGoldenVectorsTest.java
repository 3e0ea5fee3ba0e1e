package dev.warden.codec.wiegand;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.codec.wiegand.WiegandResult.Decoded;
import dev.warden.codec.wiegand.WiegandResult.Invalid;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Verifies the decoder and encoder against the vectors of PROTOCOLS.md (hex, bits left-aligned). */
class WiegandGoldenVectorsTest {

    private final WiegandDecoder decoder = new WiegandDecoder(WiegandFormats.standard());
    private final WiegandEncoder encoder = new WiegandEncoder();

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of(WiegandFormats.H10301, "80826900", 1L, 1234L),
                Arguments.of(WiegandFormats.H10306, "8000826900", 1L, 1234L),
                Arguments.of(WiegandFormats.H10304, "8000804D20", 1L, 1234L),
                Arguments.of(WiegandFormats.CORP1000, "C0040134A0", 1L, 1234L));
    }

    @Test
    void h10301FacilityOneCard1234() {
        // 80826900 → first 26 bits, field by field:
        //   bit 1        1                  even parity over 2–13 (one '1' there: bit 9) → 1
        //   bits 2–9     00000001           facility 1
        //   bits 10–25   0000010011010010   card 1234 (0x04D2)
        //   bit 26       0                  odd parity over 14–25 (five '1's) → 0
        String bits = "1" + "00000001" + "0000010011010010" + "0";
        assertThat(WiegandBits.fromHex("80826900", 26)).isEqualTo(bits);
        assertThat(decoder.decode(bits)).isEqualTo(new Decoded("H10301", 1, 1234));
        assertThat(encoder.encode(WiegandFormats.H10301, 1, 1234)).isEqualTo(bits);
    }

    @Test
    void h10306FacilityOneCard1234() {
        // 8000826900 → first 34 bits:
        //   bit 1        1                  even parity over 2–17 (one '1': bit 17) → 1
        //   bits 2–17    0000000000000001   facility 1
        //   bits 18–33   0000010011010010   card 1234
        //   bit 34       0                  odd parity over 18–33 (five '1's) → 0
        String bits = "1" + "0000000000000001" + "0000010011010010" + "0";
        assertThat(WiegandBits.fromHex("8000826900", 34)).isEqualTo(bits);
        assertThat(decoder.decode(bits)).isEqualTo(new Decoded("H10306", 1, 1234));
        assertThat(encoder.encode(WiegandFormats.H10306, 1, 1234)).isEqualTo(bits);
    }

    @Test
    void h10304FacilityOneCard1234() {
        // 8000804D20 → first 37 bits:
        //   bit 1        1                     even parity over 2–19 (one '1': bit 17) → 1
        //   bits 2–17    0000000000000001      facility 1
        //   bits 18–36   0000000010011010010   card 1234 (19 bits)
        //   bit 37       0                     odd parity over 19–36 (five '1's) → 0
        String bits = "1" + "0000000000000001" + "0000000010011010010" + "0";
        assertThat(WiegandBits.fromHex("8000804D20", 37)).isEqualTo(bits);
        assertThat(decoder.decode(bits)).isEqualTo(new Decoded("H10304", 1, 1234));
        assertThat(encoder.encode(WiegandFormats.H10304, 1, 1234)).isEqualTo(bits);
    }

    @Test
    void corporate1000CompanyOneCard1234() {
        // C0040134A0 → first 35 bits:
        //   bit 1        1                      odd parity over 2–35 (eight '1's: 2,14,24,27,28,30,33,35) → 1
        //   bit 2        1                      even parity over 3–4,6–7,…,33–34 (five '1's: 24,27,28,30,33) → 1
        //   bits 3–14    000000000001           company 1
        //   bits 15–34   00000000010011010010   card 1234 (20 bits)
        //   bit 35       1                      odd parity over 2–3,5–6,…,32–33 (six '1's: 2,14,24,27,30,33) → 1
        String bits = "1" + "1" + "000000000001" + "00000000010011010010" + "1";
        assertThat(WiegandBits.fromHex("C0040134A0", 35)).isEqualTo(bits);
        assertThat(decoder.decode(bits)).isEqualTo(new Decoded("CORP1000", 1, 1234));
        assertThat(encoder.encode(WiegandFormats.CORP1000, 1, 1234)).isEqualTo(bits);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void everySingleBitFlipIsCaughtByParity(WiegandFormat format, String hex, long facility, long number) {
        String bits = WiegandBits.fromHex(hex, format.bitLength());
        assertThat(decoder.decode(bits)).isEqualTo(new Decoded(format.name(), facility, number));
        for (int i = 0; i < bits.length(); i++) {
            String flipped = flip(bits, i);
            WiegandResult result = decoder.decode(flipped);
            assertThat(result)
                    .as("%s with bit %d flipped", format.name(), i + 1)
                    .isInstanceOfSatisfying(Invalid.class,
                            invalid -> assertThat(invalid.reason()).isEqualTo(Invalid.Reason.PARITY_ERROR));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encodingTheDecodedVectorReproducesItsBits(WiegandFormat format, String hex, long facility, long number) {
        String bits = WiegandBits.fromHex(hex, format.bitLength());
        assertThat(encoder.encode(format, facility, number)).isEqualTo(bits);
        assertThat(WiegandBits.toBytes(bits)).isEqualTo(hexBytes(hex));
    }

    static String flip(String bits, int index) {
        char[] chars = bits.toCharArray();
        chars[index] = chars[index] == '1' ? '0' : '1';
        return new String(chars);
    }

    private static byte[] hexBytes(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}
