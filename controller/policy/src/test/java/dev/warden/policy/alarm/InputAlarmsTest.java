package dev.warden.policy.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Verifies the tamper and smoke / leak / power inputs: ACTIVE raises, CLEARED clears, anything else is ignored. */
class InputAlarmsTest {
    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void inputKinds() {
        assertThat(InputAlarms.typeOfInput("smoke")).contains(AlarmType.SMOKE);
        assertThat(InputAlarms.typeOfInput("leak")).contains(AlarmType.LEAK);
        assertThat(InputAlarms.typeOfInput("Water")).contains(AlarmType.LEAK);
        assertThat(InputAlarms.typeOfInput("power")).contains(AlarmType.POWER);
        assertThat(InputAlarms.typeOfInput("mains")).contains(AlarmType.POWER);
        assertThat(InputAlarms.typeOfInput("door")).isEmpty();
        assertThat(InputAlarms.typeOfInput(null)).isEmpty();
    }

    @Test
    void sensorInputsRaiseAndClearAtTheDevice() {
        assertThat(InputAlarms.sensor("agent-1", "env-1", null, "smoke", "ACTIVE", T)).get().satisfies(t -> {
            assertThat(t).isInstanceOf(AlarmTrigger.Raise.class);
            assertThat(t.type()).isEqualTo(AlarmType.SMOKE);
            assertThat(t.place().key()).isEqualTo("device:agent-1/env-1");
            assertThat(t.place().deviceId()).isEqualTo("env-1");
            assertThat(t.place().agentId()).isEqualTo("agent-1");
        });
        assertThat(InputAlarms.sensor("agent-1", "env-1", null, "leak", "CLEARED", T)).get()
                .isInstanceOf(AlarmTrigger.Clear.class).extracting(AlarmTrigger::type).isEqualTo(AlarmType.LEAK);
        assertThat(InputAlarms.sensor("agent-1", "env-1", null, "leak", "FLICKER", T)).isEmpty();
        assertThat(InputAlarms.sensor("agent-1", "env-1", null, "leak", null, T)).isEmpty();
        assertThat(InputAlarms.sensor("agent-1", "env-1", null, "vibration", "ACTIVE", T)).isEmpty();
    }

    @Test
    void tamper() {
        assertThat(InputAlarms.tamper("agent-1", "rdr-1", "d", "ACTIVE", T)).get().satisfies(t -> {
            assertThat(t).isInstanceOf(AlarmTrigger.Raise.class);
            assertThat(t.type()).isEqualTo(AlarmType.TAMPER);
            assertThat(t.place().doorId()).isEqualTo("d");
        });
        assertThat(InputAlarms.tamper("agent-1", "rdr-1", "d", "cleared", T)).get().isInstanceOf(AlarmTrigger.Clear.class);
        assertThat(InputAlarms.tamper("agent-1", "rdr-1", "d", "", T)).isEmpty();
    }

    /** Verifies H1: the same device name under two agents is two places; one agent's CLEARED is not the other's. */
    @Test
    void aDevicesPlaceNamesItsAgent() {
        var mine = InputAlarms.sensor("agent-a", "R-env", null, "smoke", "ACTIVE", T).orElseThrow();
        var theirs = InputAlarms.sensor("agent-evil", "R-env", null, "smoke", "CLEARED", T).orElseThrow();
        assertThat(mine.place().key()).isEqualTo("device:agent-a/R-env");
        assertThat(theirs.place().key()).isEqualTo("device:agent-evil/R-env").isNotEqualTo(mine.place().key());
        assertThat(InputAlarms.tamper("agent-a", "rdr", null, "ACTIVE", T).orElseThrow().place().key())
                .isNotEqualTo(InputAlarms.tamper("agent-b", "rdr", null, "ACTIVE", T).orElseThrow().place().key());
        assertThat(mine.place().isAgentDevice()).isTrue();
        assertThat(AlarmPlace.door("d").isAgentDevice()).isFalse();
        assertThat(AlarmPlace.agent("agent-a").isAgentDevice()).isFalse();
    }
}
