package dev.warden.codec.wiegand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.codec.wiegand.WiegandFormat.Field;
import dev.warden.codec.wiegand.WiegandFormat.Parity;
import dev.warden.codec.wiegand.WiegandFormat.ParityCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

class WiegandFormatsTest {

    @Test
    void standardHoldsTheFourDocumentedFormats() {
        WiegandFormats standard = WiegandFormats.standard();
        assertThat(standard.all()).extracting(WiegandFormat::name, WiegandFormat::bitLength)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("H10301", 26),
                        org.assertj.core.groups.Tuple.tuple("H10306", 34),
                        org.assertj.core.groups.Tuple.tuple("H10304", 37),
                        org.assertj.core.groups.Tuple.tuple("CORP1000", 35));
        assertThat(standard.byLength(35)).contains(WiegandFormats.CORP1000);
        assertThat(standard.byName("H10304")).contains(WiegandFormats.H10304);
        assertThat(standard.byLength(36)).isEmpty();
        assertThat(standard.byLength(-1)).isEmpty();
        assertThat(standard.byLength(1_000)).isEmpty();
        assertThat(standard.byName("h10301")).isEmpty();
    }

    @Test
    void corporate1000HasThreeParityBitsInComputationOrder() {
        List<ParityCheck> parity = WiegandFormats.CORP1000.parity();
        assertThat(parity).extracting(ParityCheck::parityBit).containsExactly(2, 35, 1);
        assertThat(parity.get(0).coveredBits()).startsWith(3, 4, 6, 7, 9).endsWith(31, 33, 34).hasSize(22);
        assertThat(parity.get(1).coveredBits()).startsWith(2, 3, 5, 6, 8).endsWith(30, 32, 33).hasSize(22);
        assertThat(parity.get(2).coveredBits()).startsWith(2, 3).endsWith(35).hasSize(34);
    }

    @Test
    void twoFormatsWithTheSameLengthAreRejected() {
        WiegandFormat other26 = new WiegandFormat("SITE26", 26, new Field(2, 12), new Field(14, 12),
                List.of(ParityCheck.range(1, Parity.EVEN, 2, 13), ParityCheck.range(26, Parity.ODD, 14, 25)));
        assertThatThrownBy(() -> WiegandFormats.standard().with(other26))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("H10301").hasMessageContaining("SITE26").hasMessageContaining("26 bits");
    }

    @Test
    void twoFormatsWithTheSameNameAreRejected() {
        WiegandFormat renamed = new WiegandFormat("H10301", 27, new Field(2, 8), new Field(10, 16),
                List.of(ParityCheck.range(1, Parity.EVEN, 2, 13), ParityCheck.range(27, Parity.ODD, 14, 26)));
        assertThatThrownBy(() -> WiegandFormats.standard().with(renamed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate format name");
    }

    @Test
    void aSiteFormatIsDecodedAlongsideTheStandardOnes() {
        WiegandFormat site32 = new WiegandFormat("SITE32", 32, new Field(2, 14), new Field(16, 16),
                List.of(ParityCheck.range(1, Parity.EVEN, 2, 16), ParityCheck.range(32, Parity.ODD, 17, 31)));
        WiegandFormats formats = WiegandFormats.standard().with(site32);
        WiegandDecoder decoder = new WiegandDecoder(formats);
        WiegandEncoder encoder = new WiegandEncoder();
        assertThat(decoder.decode(encoder.encode(site32, 9_999, 4_242)))
                .isEqualTo(new WiegandResult.Decoded("SITE32", 9_999, 4_242));
        assertThat(decoder.decode(encoder.encode(WiegandFormats.H10301, 1, 1234)))
                .isEqualTo(new WiegandResult.Decoded("H10301", 1, 1234));
        assertThat(WiegandFormats.standard().all()).hasSize(4); // the standard set is unchanged
    }
}
