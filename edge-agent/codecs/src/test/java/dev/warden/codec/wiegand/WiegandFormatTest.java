package dev.warden.codec.wiegand;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.codec.wiegand.WiegandFormat.Field;
import dev.warden.codec.wiegand.WiegandFormat.Parity;
import dev.warden.codec.wiegand.WiegandFormat.ParityCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verifies that an inconsistent format table entry cannot be built. */
class WiegandFormatTest {

    private static final List<ParityCheck> H26_PARITY =
            List.of(ParityCheck.range(1, Parity.EVEN, 2, 13), ParityCheck.range(26, Parity.ODD, 14, 25));

    @Test
    void fieldsMustLieInsideTheFrame() {
        assertThatThrownBy(() -> new WiegandFormat("X", 26, new Field(2, 8), new Field(10, 18), H26_PARITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("card field");
    }

    @Test
    void fieldsMustNotOverlapEachOtherOrAParityBit() {
        assertThatThrownBy(() -> new WiegandFormat("X", 26, new Field(2, 9), new Field(10, 16), H26_PARITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlaps at bit 10");
        assertThatThrownBy(() -> new WiegandFormat("X", 26, new Field(1, 9), new Field(10, 16), H26_PARITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parity bit 1");
    }

    @Test
    void aParityCheckMayNotCoverItselfOrALaterParityBit() {
        assertThatThrownBy(() -> new WiegandFormat("X", 26, new Field(2, 8), new Field(10, 16),
                List.of(ParityCheck.range(1, Parity.EVEN, 2, 26), ParityCheck.range(26, Parity.ODD, 14, 25))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("covers parity bit 26");
        assertThatThrownBy(() -> new WiegandFormat("X", 26, new Field(2, 8), new Field(10, 16),
                List.of(new ParityCheck(26, Parity.ODD, List.of(14, 26)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("covers parity bit 26");
    }

    @Test
    void coveredBitsMustBeInsideTheFrameAndDistinct() {
        assertThatThrownBy(() -> new WiegandFormat("X", 26, new Field(2, 8), new Field(10, 16),
                List.of(ParityCheck.range(1, Parity.EVEN, 2, 27))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beyond the frame length");
        assertThatThrownBy(() -> new ParityCheck(1, Parity.EVEN, List.of(2, 2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ParityCheck(1, Parity.EVEN, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lengthsAreBounded() {
        assertThatThrownBy(() -> new WiegandFormat("X", 129, null, new Field(2, 8), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Field(1, 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Field(0, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Field(2, 8).maxValue()).isEqualTo(255);
        assertThat(new Field(2, 8).lastBit()).isEqualTo(9);
    }
}
