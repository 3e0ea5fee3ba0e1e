package dev.warden.agent.journal;

import dev.warden.agent.event.EventRecorder;
import dev.warden.agent.health.Counters;
import dev.warden.contract.AgentEvent;
import dev.warden.contract.AgentEventType;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The child process of {@link JournalKillIT}: records events through the real {@link EventRecorder} and
 * {@link EventJournal} as fast as it can, and after each {@code record} returns (the event is on disk) prints
 * {@code DURABLE <seq>} on stdout, until it is killed.
 *
 * <p>Arguments: the data directory.
 */
public final class JournalWriterProcess {

    private JournalWriterProcess() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true);
        EventJournal journal = EventJournal.open(Path.of(args[0]), JournalKillIT.SETTINGS, new Counters());
        EventRecorder recorder = new EventRecorder("agent-kill", journal, journal, Clock.systemUTC());
        out.println("READY " + recorder.lastSeq());
        for (long i = 0; ; i++) {
            AgentEvent e = recorder.record(AgentEventType.SENSOR_READING, null, "temp-" + (i % 7),
                    Map.of("quantity", "temperature", "value", Long.toString(20 + i % 10), "unit", "°C"));
            out.println("DURABLE " + e.seq());
        }
    }
}
