package dev.warden.controller.credential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardFormatsTest {
    @Test
    void knownFormatsHaveTheirFieldRanges() {
        assertThat(CardFormats.problem("H10301", 255, 65_535)).isNull();
        assertThat(CardFormats.problem("H10301", 256, 1)).contains("facility 0..255");
        assertThat(CardFormats.problem("H10301", 1, 65_536)).contains("number 0..65535");
        assertThat(CardFormats.problem("H10306", 65_535, 65_535)).isNull();
        assertThat(CardFormats.problem("H10304", 65_535, 524_287)).isNull();
        assertThat(CardFormats.problem("H10304", 1, 524_288)).isNotNull();
        assertThat(CardFormats.problem("CORP1000", 4095, 1_048_575)).isNull();
        assertThat(CardFormats.problem("CORP1000", 4096, 1)).isNotNull();
    }

    @Test
    void otherFormatsNeedAPlainNameAndNonNegativeFields() {
        assertThat(CardFormats.problem("MIFARE-UID", 0, 123_456_789L)).isNull();
        assertThat(CardFormats.problem("bad format", 0, 1)).contains("format must be");
        assertThat(CardFormats.problem(null, 0, 1)).contains("format must be");
        assertThat(CardFormats.problem("X", -1, 1)).contains("must not be negative");
    }
}
