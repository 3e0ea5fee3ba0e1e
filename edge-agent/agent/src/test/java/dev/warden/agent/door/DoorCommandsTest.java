package dev.warden.agent.door;

import static dev.warden.agent.testing.Doors.LOBBY;
import static dev.warden.agent.testing.Doors.LOBBY_IN;
import static dev.warden.agent.testing.Doors.LOBBY_LOCK;
import static dev.warden.agent.testing.Doors.LOBBY_OUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.agent.health.Counters;
import dev.warden.agent.testing.Doors;
import dev.warden.agent.testing.RecordingDoor;
import dev.warden.agent.testing.RecordingDoor.Act;
import dev.warden.agent.testing.RecordingEvents;
import dev.warden.contract.AgentEventType;
import dev.warden.contract.DoorCommand;
import dev.warden.contract.DoorCommand.Action;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DoorCommandsTest {

    final RecordingDoor door = new RecordingDoor();
    final RecordingEvents events = new RecordingEvents();
    final Counters counters = new Counters();
    final DoorCommands commands = new DoorCommands(new Site(List.of(Doors.lobby())), door, events, counters);

    @Test
    void unlockGoesToTheLockAndIsRecorded() {
        assertThat(commands.onCommand(new DoorCommand("cmd-1", LOBBY, Action.UNLOCK, 8000, null)))
                .isEqualTo(DoorCommands.Outcome.EXECUTED);

        assertThat(door.acts()).containsExactly(new Act(LOBBY_LOCK, "UNLOCK", null, Duration.ofSeconds(8)));
        assertThat(events.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AgentEventType.COMMAND_EXECUTED);
            assertThat(e.doorId()).isEqualTo(LOBBY);
            assertThat(e.attributes())
                    .containsEntry("commandId", "cmd-1")
                    .containsEntry("action", "UNLOCK")
                    .containsEntry("durationMs", "8000");
        });
    }

    @Test
    void unlockWithoutDurationUsesTheDoorsUnlockTime() {
        commands.onCommand(new DoorCommand("cmd-1", LOBBY, Action.UNLOCK, 0, null));

        assertThat(door.acts()).containsExactly(new Act(LOBBY_LOCK, "UNLOCK", null, Duration.ofSeconds(5)));
    }

    @Test
    void lockGoesToTheLock() {
        commands.onCommand(new DoorCommand("cmd-2", LOBBY, Action.LOCK, 0, null));

        assertThat(door.acts()).containsExactly(new Act(LOBBY_LOCK, "LOCK", null, Duration.ZERO));
        assertThat(events.events().getFirst().attributes()).containsEntry("action", "LOCK");
    }

    @Test
    void ledAndBuzzerGoToEveryReaderOfTheDoor() {
        commands.onCommand(new DoorCommand("cmd-3", LOBBY, Action.LED, 1500, "AMBER"));
        commands.onCommand(new DoorCommand("cmd-4", LOBBY, Action.BUZZER, 200, null));

        assertThat(door.acts()).containsExactly(
                new Act(LOBBY_IN, "LED", "AMBER", Duration.ofMillis(1500)),
                new Act(LOBBY_OUT, "LED", "AMBER", Duration.ofMillis(1500)),
                new Act(LOBBY_IN, "BUZZER", null, Duration.ofMillis(200)),
                new Act(LOBBY_OUT, "BUZZER", null, Duration.ofMillis(200)));
        assertThat(events.events()).extracting(e -> e.attributes().get("commandId")).containsExactly("cmd-3", "cmd-4");
    }

    @Test
    void aRedeliveredCommandIsNotExecutedTwice() {
        DoorCommand unlock = new DoorCommand("cmd-1", LOBBY, Action.UNLOCK, 8000, null);

        commands.onCommand(unlock);
        assertThat(commands.onCommand(unlock)).isEqualTo(DoorCommands.Outcome.DUPLICATE);

        assertThat(door.acts()).hasSize(1);
        assertThat(events.events()).hasSize(1);
    }

    @Test
    void aCommandForAnotherAgentsDoorIsIgnoredAndCounted() {
        assertThat(commands.onCommand(new DoorCommand("cmd-5", "door-elsewhere", Action.UNLOCK, 8000, null)))
                .isEqualTo(DoorCommands.Outcome.UNKNOWN_DOOR);

        assertThat(door.acts()).isEmpty();
        assertThat(events.events()).isEmpty();
        assertThat(counters.get("command.unknown-door")).isEqualTo(1);
    }
}
