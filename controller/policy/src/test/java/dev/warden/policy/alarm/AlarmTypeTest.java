package dev.warden.policy.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Verifies the default priority of every alarm type (1 = highest) as the issue lists them. */
class AlarmTypeTest {
    @Test
    void defaultPriorities() {
        Map<AlarmType, Integer> expected = new EnumMap<>(AlarmType.class);
        expected.put(AlarmType.TERMINATED_CREDENTIAL, 1);
        expected.put(AlarmType.DURESS, 1);
        expected.put(AlarmType.SMOKE, 1);
        expected.put(AlarmType.DOOR_FORCED, 2);
        expected.put(AlarmType.TAMPER, 2);
        expected.put(AlarmType.UNESCORTED_VISITOR, 2);
        expected.put(AlarmType.TAILGATING, 2);
        expected.put(AlarmType.LEAK, 2);
        expected.put(AlarmType.POWER, 2);
        expected.put(AlarmType.AGENT_OFFLINE, 2);
        expected.put(AlarmType.LONE_OCCUPANT, 2);
        expected.put(AlarmType.VISIT_OVERSTAY, 2);
        expected.put(AlarmType.DOOR_HELD, 3);
        expected.put(AlarmType.TEMPERATURE, 3);
        expected.put(AlarmType.HUMIDITY, 3);
        expected.put(AlarmType.DEVICE_OFFLINE, 3);
        expected.put(AlarmType.REPEATED_DENIALS, 3);
        expected.put(AlarmType.PASSBACK, 4);
        assertThat(expected).hasSize(AlarmType.values().length);
        for (AlarmType t : AlarmType.values()) {
            assertThat(t.defaultPriority()).as(t.name()).isEqualTo(expected.get(t));
        }
    }

    @Test
    void onlyConditionsThatCanEndClearThemselves() {
        assertThat(AlarmType.DOOR_HELD.clearsItself()).isTrue();
        assertThat(AlarmType.TEMPERATURE.clearsItself()).isTrue();
        assertThat(AlarmType.AGENT_OFFLINE.clearsItself()).isTrue();
        assertThat(AlarmType.DOOR_FORCED.clearsItself()).isFalse();
        assertThat(AlarmType.TERMINATED_CREDENTIAL.clearsItself()).isFalse();
        assertThat(AlarmType.DURESS.clearsItself()).isFalse();
    }
}
