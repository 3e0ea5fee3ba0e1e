package dev.warden.sim.wiegand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class H10301EncoderTest {

    /** PROTOCOLS.md: H10301 FC 1 / CN 1234 = hex 80826900, bits left-aligned; the frame is the first 26 bits. */
    @Test
    void matchesThePublishedVector() {
        String leftAligned = String.format("%32s", Long.toBinaryString(0x80826900L)).replace(' ', '0');

        assertThat(H10301Encoder.encode(1, 1234)).isEqualTo(leftAligned.substring(0, 26));
        assertThat(leftAligned.substring(26)).as("the padding after the frame").isEqualTo("000000");
    }

    @Test
    void layoutFieldByField() {
        String bits = H10301Encoder.encode(1, 1234);
        //           P  facility   card number          P
        assertThat(bits).isEqualTo("1" + "00000001" + "0000010011010010" + "0");
    }

    @Test
    void extremesOfTheRanges() {
        // all-zero payload: even parity 0, odd parity over zeros must be 1
        assertThat(H10301Encoder.encode(0, 0)).isEqualTo("0" + "0".repeat(24) + "1");
        // all-one payload: 12 ones on each half -> even parity 0, odd parity 1
        assertThat(H10301Encoder.encode(255, 65535)).isEqualTo("0" + "1".repeat(24) + "1");
    }

    /** Verifies, for many random cards, the parity rules and that the fields read back. */
    @Test
    void everyFrameHasValidParityAndReadsBack() {
        Random random = new Random(26);
        for (int i = 0; i < 5_000; i++) {
            long facility = random.nextInt(256);
            long number = random.nextInt(65536);
            String bits = H10301Encoder.encode(facility, number);

            assertThat(bits).hasSize(26).matches("[01]{26}");
            assertThat(ones(bits, 0, 13) % 2).as("bit 1 + bits 2-13 even").isZero();
            assertThat(ones(bits, 13, 26) % 2).as("bits 14-25 + bit 26 odd").isEqualTo(1);
            assertThat(Long.parseLong(bits.substring(1, 9), 2)).isEqualTo(facility);
            assertThat(Long.parseLong(bits.substring(9, 25), 2)).isEqualTo(number);
        }
    }

    @Test
    void theParityErrorVariantBreaksTheEvenParity() {
        String good = H10301Encoder.encode(12, 1001);
        String bad = H10301Encoder.encodeWithParityError(12, 1001);

        assertThat(bad.substring(1)).isEqualTo(good.substring(1));
        assertThat(bad.charAt(0)).isNotEqualTo(good.charAt(0));
        assertThat(ones(bad, 0, 13) % 2).isEqualTo(1);
    }

    @Test
    void refusesValuesThatDoNotFit() {
        assertThatThrownBy(() -> H10301Encoder.encode(256, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> H10301Encoder.encode(1, 65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> H10301Encoder.encode(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(H10301Encoder.canEncode("H10301", 255, 65535)).isTrue();
        assertThat(H10301Encoder.canEncode("H10306", 1, 1)).isFalse();
        assertThat(H10301Encoder.canEncode("H10301", 300, 1)).isFalse();
    }

    private static int ones(String bits, int from, int to) {
        return (int) bits.substring(from, to).chars().filter(c -> c == '1').count();
    }
}
