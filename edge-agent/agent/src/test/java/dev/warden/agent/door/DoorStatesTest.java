package dev.warden.agent.door;

import static dev.warden.agent.testing.Doors.LOBBY;
import static dev.warden.agent.testing.Doors.LOBBY_CONTACT;
import static dev.warden.agent.testing.Doors.LOBBY_LOCK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.agent.health.Counters;
import dev.warden.agent.testing.Doors;
import dev.warden.agent.testing.RecordingEvents;
import dev.warden.contract.AgentEvent;
import dev.warden.contract.AgentEventType;
import dev.warden.contract.DeviceState;
import dev.warden.contract.DeviceState.State;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DoorStatesTest {

    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    final RecordingEvents events = new RecordingEvents();
    final Counters counters = new Counters();
    final DoorStates states = new DoorStates(new Site(List.of(Doors.lobby())), events, counters);

    @Test
    void lockAndContactReportsBecomeDoorStateEvents() {
        states.onDeviceState(LOBBY_LOCK, new DeviceState(State.UNLOCKED, T0));
        states.onDeviceState(LOBBY_CONTACT, new DeviceState(State.OPEN, T0.plusSeconds(1)));
        states.onDeviceState(LOBBY_CONTACT, new DeviceState(State.CLOSED, T0.plusSeconds(3)));
        states.onDeviceState(LOBBY_LOCK, new DeviceState(State.LOCKED, T0.plusSeconds(5)));

        assertThat(events.events()).extracting(AgentEvent::type).containsOnly(AgentEventType.DOOR_STATE);
        assertThat(events.events()).extracting(AgentEvent::doorId).containsOnly(LOBBY);
        assertThat(events.events()).extracting(e -> e.attributes().get("state"))
                .containsExactly("UNLOCKED", "OPEN", "CLOSED", "LOCKED");
        assertThat(events.events()).extracting(AgentEvent::deviceId)
                .containsExactly(LOBBY_LOCK, LOBBY_CONTACT, LOBBY_CONTACT, LOBBY_LOCK);
        assertThat(events.events().getFirst().attributes())
                .containsEntry("source", "LOCK")
                .containsEntry("deviceAt", T0.toString());
        assertThat(states.lastState(LOBBY_LOCK)).contains(State.LOCKED);
    }

    @Test
    void aReplayedRetainedStateIsNotRecordedTwice() {
        DeviceState locked = new DeviceState(State.LOCKED, T0);

        assertThat(states.onDeviceState(LOBBY_LOCK, locked)).isPresent();
        assertThat(states.onDeviceState(LOBBY_LOCK, locked)).isEmpty();
        assertThat(events.events()).hasSize(1);
    }

    @Test
    void theSameStateReportedAgainLaterIsRecorded() {
        states.onDeviceState(LOBBY_CONTACT, new DeviceState(State.OPEN, T0));
        states.onDeviceState(LOBBY_CONTACT, new DeviceState(State.OPEN, T0.plusSeconds(60)));

        assertThat(events.events()).hasSize(2);
    }

    @Test
    void tamperIsRecordedNamingTheDevice() {
        states.onDeviceState(LOBBY_CONTACT, new DeviceState(State.TAMPER, T0));

        assertThat(events.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AgentEventType.DOOR_STATE);
            assertThat(e.deviceId()).isEqualTo(LOBBY_CONTACT);
            assertThat(e.attributes()).containsEntry("state", "TAMPER").containsEntry("source", "CONTACT");
        });
    }

    @Test
    void aReaderReportsOnlyTamper() {
        states.onDeviceState(Doors.LOBBY_IN, new DeviceState(State.OPEN, T0));
        states.onDeviceState(Doors.LOBBY_IN, new DeviceState(State.TAMPER, T0));

        assertThat(events.events()).singleElement().satisfies(e -> {
            assertThat(e.deviceId()).isEqualTo(Doors.LOBBY_IN);
            assertThat(e.attributes()).containsEntry("state", "TAMPER").containsEntry("source", "READER");
        });
        assertThat(counters.get("state.unexpected")).isEqualTo(1);
    }

    @Test
    void aStateFromAnUnknownDeviceIsIgnoredAndCounted() {
        assertThat(states.onDeviceState("lock-elsewhere", new DeviceState(State.UNLOCKED, T0))).isEmpty();

        assertThat(events.events()).isEmpty();
        assertThat(counters.get("state.unknown-device")).isEqualTo(1);
    }
}
