package dev.warden.agent.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Verifies that a module's password never shows in its settings' text, and that settings are checked. */
class FingerprintModuleSettingsTest {

    @Test
    void toStringRedactsThePassword() {
        FingerprintModuleSettings settings = new FingerprintModuleSettings("fp-a", 0xFFFF_FFFFL, 0x1234_5678L);
        assertThat(settings.toString()).contains("fp-a", "ffffffff", "password=***")
                .doesNotContain("12345678", "305419896");
        assertThat(settings.password()).isEqualTo(0x1234_5678L);
    }

    @Test
    void rejectsOutOfRangeValuesWithoutEchoingThePassword() {
        assertThatThrownBy(() -> new FingerprintModuleSettings("fp-a", -1, 0)).hasMessageContaining("address");
        assertThatThrownBy(() -> new FingerprintModuleSettings("fp-a", 0, 0x1_0000_0000L))
                .hasMessageContaining("password").hasMessageNotContaining("4294967296");
        assertThatThrownBy(() -> new FingerprintModuleSettings(" ", 0, 0)).hasMessageContaining("blank");
    }
}
