package dev.warden.codec.wiegand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.codec.wiegand.WiegandFormat.Field;
import dev.warden.codec.wiegand.WiegandFormat.Parity;
import dev.warden.codec.wiegand.WiegandFormat.ParityCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

class WiegandEncoderTest {

    private final WiegandEncoder encoder = new WiegandEncoder();

    @Test
    void largestValuesFitExactly() {
        // H10301: facility 255, card 65535 → all data bits 1; bits 2–13 hold 12 ones → even parity 0;
        // bits 14–25 hold 12 ones → odd parity 1
        assertThat(encoder.encode(WiegandFormats.H10301, 255, 65_535)).isEqualTo("0" + "1".repeat(24) + "1");
    }

    @Test
    void zeroCardHasOnlyTheOddParityBitsSet() {
        assertThat(encoder.encode(WiegandFormats.H10301, 0, 0)).isEqualTo("0".repeat(25) + "1");
        // CORP1000 zero: bit 2 even → 0; bit 35 odd over a block of zeros → 1; bit 1 odd over 2–35 (one '1') → 0
        assertThat(encoder.encode(WiegandFormats.CORP1000, 0, 0)).isEqualTo("0".repeat(34) + "1");
    }

    @Test
    void valuesThatDoNotFitAreRejected() {
        assertThatThrownBy(() -> encoder.encode(WiegandFormats.H10301, 256, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("facility 256");
        assertThatThrownBy(() -> encoder.encode(WiegandFormats.H10301, 1, 65_536))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("card number 65536");
        assertThatThrownBy(() -> encoder.encode(WiegandFormats.H10304, -1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encoder.encode(WiegandFormats.CORP1000, 1, 1L << 20))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatWithoutFacilityAcceptsOnlyFacilityZeroAndDecodesItAsZero() {
        WiegandFormat noFacility = new WiegandFormat("CARD32", 32, null, new Field(2, 30),
                List.of(ParityCheck.range(1, Parity.EVEN, 2, 16), ParityCheck.range(32, Parity.ODD, 17, 31)));
        String bits = encoder.encode(noFacility, 0, 123_456_789);
        assertThat(new WiegandDecoder(WiegandFormats.of(List.of(noFacility))).decode(bits))
                .isEqualTo(new WiegandResult.Decoded("CARD32", 0, 123_456_789));
        assertThatThrownBy(() -> encoder.encode(noFacility, 1, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
