package dev.warden.agent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.agent.event.EventRecorder;
import dev.warden.contract.AgentEvent;
import dev.warden.contract.AgentEventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verifies on the real file system that the event sequence survives restarts and is never reused. */
class FileSequenceStoreIT {

    @TempDir
    Path dir;

    @Test
    void startsAtZeroInAnEmptyDirectoryAndCreatesIt() throws IOException {
        Path data = dir.resolve("data").resolve("agent-1");

        FileSequenceStore store = FileSequenceStore.open(data);

        assertThat(store.last()).isZero();
        assertThat(data).isDirectory();
    }

    @Test
    void theLastNumberSurvivesAReopen() throws IOException {
        FileSequenceStore first = FileSequenceStore.open(dir);
        first.store(1);
        first.store(2);
        first.store(17);

        FileSequenceStore reopened = FileSequenceStore.open(dir);

        assertThat(reopened.last()).isEqualTo(17);
        assertThat(Files.readString(dir.resolve(FileSequenceStore.FILE_NAME))).isEqualTo("17\n");
        assertThat(dir.resolve(FileSequenceStore.FILE_NAME + ".tmp")).doesNotExist();
    }

    @Test
    void eventsOfARestartedAgentContinueTheSequence() throws IOException {
        List<AgentEvent> sent = new ArrayList<>();
        EventRecorder before = new EventRecorder("agent-1", FileSequenceStore.open(dir), sent::add, Clock.systemUTC());
        before.record(AgentEventType.DOOR_STATE, "d1", null, Map.of("state", "OPEN"));
        before.record(AgentEventType.DOOR_STATE, "d1", null, Map.of("state", "CLOSED"));

        EventRecorder after = new EventRecorder("agent-1", FileSequenceStore.open(dir), sent::add, Clock.systemUTC());
        after.record(AgentEventType.DOOR_STATE, "d1", null, Map.of("state", "OPEN"));

        assertThat(sent).extracting(AgentEvent::seq).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aLeftoverTemporaryFileFromACrashIsIgnored() throws IOException {
        FileSequenceStore.open(dir).store(5);
        Files.writeString(dir.resolve(FileSequenceStore.FILE_NAME + ".tmp"), "6");

        assertThat(FileSequenceStore.open(dir).last()).isEqualTo(5);
    }

    @Test
    void aCorruptFileStopsTheAgentInsteadOfRestartingAtOne() throws IOException {
        Files.writeString(dir.resolve(FileSequenceStore.FILE_NAME), "garbage");

        assertThatThrownBy(() -> FileSequenceStore.open(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("corrupt");
    }

    @Test
    void refusesToGoBack() throws IOException {
        FileSequenceStore store = FileSequenceStore.open(dir);
        store.store(10);

        assertThatThrownBy(() -> store.store(9)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.last()).isEqualTo(10);
    }
}
