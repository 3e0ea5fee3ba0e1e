package dev.warden.agent.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.contract.AgentEvent;
import dev.warden.contract.AgentEventType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventRecorderTest {

    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** A sequence store in memory that can be told to fail, like a full disk. */
    static final class MemorySequence implements SequenceStore {
        long stored;
        boolean failing;

        MemorySequence(long stored) {
            this.stored = stored;
        }

        @Override
        public long last() {
            return stored;
        }

        @Override
        public void store(long seq) {
            if (failing) {
                throw new IllegalStateException("disk full");
            }
            stored = seq;
        }
    }

    final List<AgentEvent> published = new ArrayList<>();

    @Test
    void numbersEventsFromOneUpByOneAndStampsThemWithTheClock() {
        MemorySequence seq = new MemorySequence(0);
        EventRecorder recorder = new EventRecorder("agent-1", seq, published::add, CLOCK);

        recorder.record(AgentEventType.DOOR_STATE, "d1", "l1", Map.of("state", "UNLOCKED"));
        recorder.record(AgentEventType.DOOR_STATE, "d1", "l1", Map.of("state", "LOCKED"));
        recorder.record(AgentEventType.COMMAND_EXECUTED, "d1", null, Map.of("commandId", "c1", "action", "LOCK"));

        assertThat(published).extracting(AgentEvent::seq).containsExactly(1L, 2L, 3L);
        assertThat(published).extracting(AgentEvent::agentId).containsOnly("agent-1");
        assertThat(published).extracting(AgentEvent::occurredAt).containsOnly(NOW);
        assertThat(seq.stored).isEqualTo(3);
        assertThat(recorder.lastSeq()).isEqualTo(3);
    }

    @Test
    void continuesAfterTheLastStoredNumberAcrossARestart() {
        MemorySequence seq = new MemorySequence(0);
        new EventRecorder("agent-1", seq, published::add, CLOCK).record(AgentEventType.DOOR_STATE, "d1", null, Map.of());
        new EventRecorder("agent-1", seq, published::add, CLOCK).record(AgentEventType.DOOR_STATE, "d1", null, Map.of());

        assertThat(published).extracting(AgentEvent::seq).containsExactly(1L, 2L);
    }

    @Test
    void anEventWhoseNumberCannotBeStoredIsNotSentAndItsNumberNotUsed() {
        MemorySequence seq = new MemorySequence(41);
        EventRecorder recorder = new EventRecorder("agent-1", seq, published::add, CLOCK);
        seq.failing = true;

        assertThatThrownBy(() -> recorder.record(AgentEventType.DOOR_STATE, "d1", null, Map.of()))
                .hasMessageContaining("disk full");
        seq.failing = false;
        recorder.record(AgentEventType.DOOR_STATE, "d1", null, Map.of());

        assertThat(published).extracting(AgentEvent::seq).containsExactly(42L);
    }
}
