package dev.warden.policy.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Verifies one raise per outage for devices and agents, and a clear when they come back. */
class OfflineDetectorTest {
    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    final OfflineDetector detector = new OfflineDetector();

    @Test
    void aDeviceOutageRaisesOnceAndComingBackClears() {
        var raise = detector.device("a-1", "rdr-1", "d", false, "NO_REPLY", T);
        assertThat(raise).get().satisfies(t -> {
            assertThat(t).isInstanceOf(AlarmTrigger.Raise.class);
            assertThat(t.type()).isEqualTo(AlarmType.DEVICE_OFFLINE);
            assertThat(t.place().key()).isEqualTo("device:a-1/rdr-1");
            assertThat(t.place().doorId()).isEqualTo("d");
            assertThat(t.detail()).isEqualTo("device rdr-1 offline: NO_REPLY");
        });
        assertThat(detector.device("a-1", "rdr-1", "d", false, "LINK_DOWN", T.plusSeconds(1))).isEmpty();
        assertThat(detector.device("a-1", "rdr-1", "d", true, null, T.plusSeconds(2))).get()
                .isInstanceOf(AlarmTrigger.Clear.class);
        assertThat(detector.device("a-1", "rdr-1", "d", false, null, T.plusSeconds(3))).as("a new outage").isPresent();
    }

    @Test
    void agents() {
        assertThat(detector.agent("a-1", false, T)).get().extracting(AlarmTrigger::type, t -> t.place().key())
                .containsExactly(AlarmType.AGENT_OFFLINE, "agent:a-1");
        assertThat(detector.agent("a-1", false, T)).isEmpty();
        assertThat(detector.agent("a-1", true, T)).get().isInstanceOf(AlarmTrigger.Clear.class);
        assertThat(detector.isOffline("agent:a-1")).isFalse();
    }

    @Test
    void onlineWithoutAKnownOutageStillClearsAndRestoredOutagesDoNotRaiseAgain() {
        assertThat(detector.agent("a-2", true, T)).get().isInstanceOf(AlarmTrigger.Clear.class);
        detector.restoreOffline("agent:a-3");
        assertThat(detector.agent("a-3", false, T)).isEmpty();
        detector.forget("agent:a-3");
        assertThat(detector.agent("a-3", false, T)).as("after an operator cleared it").isPresent();
    }

    /** Verifies H1: the number of outages remembered is bounded; beyond it an outage is refused and counted. */
    @Test
    void outagesRememberedAreBounded() {
        OfflineDetector small = new OfflineDetector(2);
        assertThat(small.device("a", "x1", null, false, null, T)).isPresent();
        assertThat(small.device("a", "x2", null, false, null, T)).isPresent();
        assertThat(small.device("a", "x3", null, false, null, T)).isEmpty();
        assertThat(small.refusedCount()).isEqualTo(1);
        assertThat(small.device("a", "x1", null, true, null, T)).isPresent();
        assertThat(small.device("a", "x3", null, false, null, T)).as("room again").isPresent();
    }
}
