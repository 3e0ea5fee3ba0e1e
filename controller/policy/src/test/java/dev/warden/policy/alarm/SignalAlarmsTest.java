package dev.warden.policy.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Verifies which place each access-engine signal's alarm belongs to, and that unknown signals raise nothing. */
class SignalAlarmsTest {
    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    /** Verifies that no signal of the access engine is dropped on its way to the alarms: every one has a type. */
    @Test
    void everyEngineSignalRaisesAnAlarm() {
        for (dev.warden.policy.SignalType signal : dev.warden.policy.SignalType.values()) {
            assertThat(SignalAlarms.of(signal.name(), T, "d", "a", "p", "x")).as(signal.name()).isPresent();
        }
    }

    @Test
    void personSignalsBelongToThePerson() {
        for (String s : new String[] {"TERMINATED_CREDENTIAL", "DURESS", "PASSBACK", "UNESCORTED_VISITOR",
            "VISIT_OVERSTAY"}) {
            var t = SignalAlarms.of(s, T, "d", "a", "p", "x").orElseThrow();
            assertThat(t.type().name()).isEqualTo(s);
            assertThat(t.place()).isEqualTo(new AlarmPlace("person:p", "d", "a", null, null, "p", null));
            assertThat(t.detail()).isEqualTo("x");
        }
    }

    @Test
    void loneOccupantBelongsToTheArea() {
        var t = SignalAlarms.of("LONE_OCCUPANT", T, "d", "cage", "p", null).orElseThrow();
        assertThat(t.place().key()).isEqualTo("area:cage");
        assertThat(t.type().defaultPriority()).isEqualTo(2);
    }

    @Test
    void fallsBackToTheDoorAndOtherwiseRaisesNothing() {
        assertThat(SignalAlarms.of("DURESS", T, "d", null, null, null)).get()
                .extracting(t -> t.place().key()).isEqualTo("door:d");
        assertThat(SignalAlarms.of("LONE_OCCUPANT", T, "d", null, null, null)).get()
                .extracting(t -> t.place().key()).isEqualTo("door:d");
        assertThat(SignalAlarms.of("DURESS", T, null, null, null, null)).isEmpty();
        assertThat(SignalAlarms.of("NO_SUCH_SIGNAL", T, "d", "a", "p", null)).isEmpty();
        assertThat(SignalAlarms.of("DOOR_FORCED", T, "d", "a", "p", null)).as("not an engine signal").isEmpty();
        assertThat(SignalAlarms.of(null, T, "d", "a", "p", null)).isEmpty();
    }
}
