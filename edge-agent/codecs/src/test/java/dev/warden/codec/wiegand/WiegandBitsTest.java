package dev.warden.codec.wiegand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WiegandBitsTest {

    @Test
    void takesTheFirstBitsMostSignificantFirst() {
        assertThat(WiegandBits.fromBytes(new byte[] {(byte) 0xA5, (byte) 0x80}, 9)).isEqualTo("101001011");
        assertThat(WiegandBits.fromHex("a5 80", 12)).isEqualTo("101001011000");
        assertThat(WiegandBits.fromBytes(new byte[0], 0)).isEmpty();
    }

    @Test
    void packsLeftAlignedWithZeroPadding() {
        assertThat(WiegandBits.toBytes("101001011")).containsExactly((byte) 0xA5, (byte) 0x80);
        assertThat(WiegandBits.toBytes("")).isEmpty();
    }

    @Test
    void rejectsMalformedInput() {
        assertThatThrownBy(() -> WiegandBits.fromHex("8", 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WiegandBits.fromHex("zz", 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WiegandBits.fromHex("80", 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WiegandBits.toBytes("10a")).isInstanceOf(IllegalArgumentException.class);
    }
}
