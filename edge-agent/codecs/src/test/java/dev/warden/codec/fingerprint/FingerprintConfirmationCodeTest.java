package dev.warden.codec.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Verifies that every confirmation code of PROTOCOLS.md is named, with a meaning, and other bytes are undocumented. */
class FingerprintConfirmationCodeTest {

    @Test
    void everyDocumentedCodeHasItsName() {
        int[] documented = {0x00, 0x01, 0x02, 0x03, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x10,
            0x11, 0x13, 0x15, 0x18, 0x1A, 0x20, 0x21};
        for (int code : documented) {
            ConfirmationCode named = ConfirmationCode.of(code);
            assertThat(named).as("code %02X", code).isNotEqualTo(ConfirmationCode.UNDOCUMENTED);
            assertThat(named.code()).isEqualTo(code);
            assertThat(named.meaning()).isNotBlank();
        }
        assertThat(ConfirmationCode.values()).hasSize(documented.length + 1);
        assertThat(ConfirmationCode.of(0x02)).isEqualTo(ConfirmationCode.NO_FINGER);
        assertThat(ConfirmationCode.of(0x09)).isEqualTo(ConfirmationCode.NOT_FOUND);
        assertThat(ConfirmationCode.of(0x13)).isEqualTo(ConfirmationCode.WRONG_PASSWORD);
        assertThat(ConfirmationCode.of(0x21)).isEqualTo(ConfirmationCode.PASSWORD_NOT_VERIFIED);
    }

    @Test
    void otherBytesAreUndocumented() {
        int undocumented = 0;
        for (int code = 0; code < 256; code++) {
            if (ConfirmationCode.of(code) == ConfirmationCode.UNDOCUMENTED) {
                undocumented++;
            }
        }
        assertThat(undocumented).isEqualTo(256 - (ConfirmationCode.values().length - 1));
        assertThat(ConfirmationCode.of(-1)).isEqualTo(ConfirmationCode.UNDOCUMENTED);
        assertThat(new FingerprintReply.Status(0x1F).code()).isEqualTo(ConfirmationCode.UNDOCUMENTED);
        assertThat(new FingerprintReply.Status(0x1F).codeByte()).isEqualTo(0x1F);
    }

    @Test
    void codesAreUnique() {
        assertThat(Arrays.stream(ConfirmationCode.values()).mapToInt(ConfirmationCode::code).distinct().count())
                .isEqualTo(ConfirmationCode.values().length);
    }
}
