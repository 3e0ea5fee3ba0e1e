package dev.warden.agent.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Verifies the shared device-event recorder the driver tests assert on: line format, queries, status-only mode, times. */
class RecordingDeviceEventsTest {

    @Test
    void everyCallIsOneLineInOrderAndTheQueriesSeeThem() {
        RecordingDeviceEvents events = new RecordingDeviceEvents();
        events.online("rdr-a");
        events.cardRead("rdr-a", "1011");
        events.keypad("rdr-a", "12#");
        events.input("gate-1", "contact", true);
        events.reading("env-1", "temperature", 23.5, "C");
        events.security("rdr-a", "READER_KEYED");
        events.offline("rdr-a", "NO_REPLY");
        events.online("rdr-a");

        assertThat(events.lines()).containsExactly("online rdr-a", "card rdr-a 1011", "keypad rdr-a 12#",
                "input gate-1 contact true", "reading env-1 temperature 23.5 C", "security rdr-a READER_KEYED",
                "offline rdr-a NO_REPLY", "online rdr-a");
        assertThat(events.has("online rdr-a", "input gate-1 contact true")).isTrue();
        assertThat(events.has("online rdr-a", "online rdr-b")).isFalse();
        assertThat(events.count("online rdr-a")).isEqualTo(2);
        assertThat(events.startingWith("offline")).containsExactly("offline rdr-a NO_REPLY");
        assertThat(events.of("gate-1")).containsExactly("input gate-1 contact true");
        assertThat(events.last("rdr-a")).isEqualTo("online rdr-a");
        assertThat(events.last("rdr-x")).isEmpty();
        assertThat(events.timesOf("online rdr-a")).isEmpty(); // no clock
    }

    @Test
    void aStatusOnlyRecorderFailsTheCallerOnAnythingElseAndStillRecordsIt() {
        RecordingDeviceEvents events = RecordingDeviceEvents.statusOnly("fingerprint");
        events.online("fp-a");
        events.security("fp-a", "X");
        events.offline("fp-a", "LINK_DOWN");
        assertThatThrownBy(() -> events.cardRead("fp-a", "1")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("a fingerprint bus reports no card");
        assertThatThrownBy(() -> events.keypad("fp-a", "1")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> events.input("fp-a", "tamper", true)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> events.reading("fp-a", "t", 1, "C")).isInstanceOf(AssertionError.class);
        assertThat(events.lines()).containsExactly("online fp-a", "security fp-a X", "offline fp-a LINK_DOWN",
                "card fp-a 1", "keypad fp-a 1", "input fp-a tamper true", "reading fp-a t 1.0 C");
    }

    @Test
    void withAClockEachLineKeepsTheTimeItWasReported() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
        RecordingDeviceEvents events = new RecordingDeviceEvents();
        events.security("rdr", "SECURE_CHANNEL_LOST"); // before the clock: no time
        events.clock(now::get);
        events.security("rdr", "SECURE_CHANNEL_LOST");
        now.set(now.get().plusSeconds(61));
        events.online("rdr");
        events.security("rdr", "SECURE_CHANNEL_LOST");
        assertThat(events.timesOf("security rdr SECURE_CHANNEL_LOST"))
                .containsExactly(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:01:01Z"));
        assertThat(events.timesOf("online rdr")).containsExactly(Instant.parse("2026-01-01T00:01:01Z"));
    }
}
