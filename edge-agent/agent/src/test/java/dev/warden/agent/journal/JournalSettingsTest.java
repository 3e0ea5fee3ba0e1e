package dev.warden.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Verifies the journal's sizes: defaults, the system properties that override them, and clear refusals. */
class JournalSettingsTest {

    static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void withoutPropertiesTheDefaultsApply() {
        JournalSettings s = JournalSettings.from(props());

        assertThat(s).isEqualTo(JournalSettings.defaults());
        assertThat(s.segmentBytes()).isEqualTo(16L << 20);
        assertThat(s.capacityBytes()).isEqualTo(2L << 30);
        assertThat(s.reserveBytes()).isEqualTo(64L << 20);
    }

    @Test
    void sizesTakeBytesOrAKMGSuffix() {
        JournalSettings s = JournalSettings.from(props(
                JournalSettings.PROP_SEGMENT, "512k", JournalSettings.PROP_CAPACITY, "4G", JournalSettings.PROP_RESERVE, "1048576"));

        assertThat(s.segmentBytes()).isEqualTo(512L * 1024);
        assertThat(s.capacityBytes()).isEqualTo(4L << 30);
        assertThat(s.reserveBytes()).isEqualTo(1L << 20);
    }

    @Test
    void aValueThatIsNotASizeIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> JournalSettings.from(props(JournalSettings.PROP_CAPACITY, "lots")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(JournalSettings.PROP_CAPACITY);
        assertThatThrownBy(() -> JournalSettings.from(props(JournalSettings.PROP_RESERVE, "-5")))
                .hasMessageContaining(JournalSettings.PROP_RESERVE);
    }

    @Test
    void aCapacityBelowTwoSegmentsOrAReserveBelowOneRecordIsRefused() {
        assertThatThrownBy(() -> JournalSettings.from(props(JournalSettings.PROP_SEGMENT, "16m", JournalSettings.PROP_CAPACITY, "20m")))
                .hasMessageContaining("two segments");
        assertThatThrownBy(() -> JournalSettings.from(props(JournalSettings.PROP_RESERVE, "1k")))
                .hasMessageContaining("reserve");
        assertThatThrownBy(() -> JournalSettings.from(props(JournalSettings.PROP_SEGMENT, "1k")))
                .hasMessageContaining("segment size");
    }
}
