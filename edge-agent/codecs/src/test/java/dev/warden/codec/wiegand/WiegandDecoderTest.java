package dev.warden.codec.wiegand;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.codec.wiegand.WiegandResult.Decoded;
import dev.warden.codec.wiegand.WiegandResult.Invalid;
import dev.warden.codec.wiegand.WiegandResult.Invalid.Reason;
import org.junit.jupiter.api.Test;

class WiegandDecoderTest {

    private final WiegandDecoder decoder = new WiegandDecoder(WiegandFormats.standard());

    @Test
    void nullAndEmptyAreEmpty() {
        assertThat(reason(decoder.decode(null))).isEqualTo(Reason.EMPTY);
        assertThat(reason(decoder.decode(""))).isEqualTo(Reason.EMPTY);
    }

    @Test
    void nonBinaryCharacterIsRejectedWithItsPosition() {
        String bits = "1000000010000010011010010" + "2"; // 26 chars, the last is not binary
        WiegandResult result = decoder.decode(bits);
        assertThat(reason(result)).isEqualTo(Reason.NOT_BINARY);
        assertThat(((Invalid) result).detail()).contains("bit 26");
    }

    @Test
    void lengthWithoutFormatIsUnknownLength() {
        assertThat(reason(decoder.decode("1".repeat(25)))).isEqualTo(Reason.UNKNOWN_LENGTH);
        assertThat(reason(decoder.decode("0".repeat(128)))).isEqualTo(Reason.UNKNOWN_LENGTH);
    }

    @Test
    void moreThan128BitsIsUnknownLengthEvenWhenNotBinary() {
        WiegandResult result = decoder.decode("x".repeat(129));
        assertThat(reason(result)).isEqualTo(Reason.UNKNOWN_LENGTH);
        assertThat(((Invalid) result).detail()).contains("129").doesNotContain("xxx");
    }

    @Test
    void a128BitSiteFormatIsTheLongestDecodable() {
        WiegandFormat wide = new WiegandFormat("WIDE128", 128, new WiegandFormat.Field(2, 63),
                new WiegandFormat.Field(65, 63),
                java.util.List.of(WiegandFormat.ParityCheck.range(1, WiegandFormat.Parity.EVEN, 2, 64),
                        WiegandFormat.ParityCheck.range(128, WiegandFormat.Parity.ODD, 65, 127)));
        WiegandDecoder wideDecoder = new WiegandDecoder(WiegandFormats.standard().with(wide));
        String bits = new WiegandEncoder().encode(wide, Long.MAX_VALUE, 7);
        assertThat(wideDecoder.decode(bits)).isEqualTo(new Decoded("WIDE128", Long.MAX_VALUE, 7));
    }

    @Test
    void parityErrorNamesTheFailingParityBits() {
        // H10301 FC 1 / CN 1234 with both parity bits inverted
        String bits = "0" + "00000001" + "0000010011010010" + "1";
        WiegandResult result = decoder.decode(bits);
        assertThat(reason(result)).isEqualTo(Reason.PARITY_ERROR);
        assertThat(((Invalid) result).detail()).contains("H10301").contains("1, 26");
    }

    @Test
    void allZeroFrameIsAParityErrorBecauseOddParityNeedsAOne() {
        assertThat(reason(decoder.decode("0".repeat(26)))).isEqualTo(Reason.PARITY_ERROR);
    }

    @Test
    void decoderWithoutFormatsKnowsNoLength() {
        WiegandDecoder none = new WiegandDecoder(WiegandFormats.of(java.util.List.of()));
        assertThat(reason(none.decode(new WiegandEncoder().encode(WiegandFormats.H10301, 1, 1))))
                .isEqualTo(Reason.UNKNOWN_LENGTH);
    }

    private static Reason reason(WiegandResult result) {
        assertThat(result).isInstanceOf(Invalid.class);
        return ((Invalid) result).reason();
    }
}
