package dev.warden.agent.journal;

import dev.warden.agent.health.Counters;
import dev.warden.contract.AgentEvent;
import dev.warden.contract.AgentEventType;
import dev.warden.contract.ContractJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Measures the journal's append + force (fsync) latency and throughput on the disk it is given, and the size of
 * typical event records. A plain benchmark (the agent module has no JMH set-up): it is not a test and surefire does
 * not run it. Run it from edge-agent/agent after {@code mvn test-compile}:
 *
 * <pre>
 * java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" dev.warden.agent.journal.JournalAppendBenchmark [dir] [events]
 * </pre>
 *
 * (with {@code mvn dependency:build-classpath -Dmdep.outputFile=target/cp.txt} first). {@code dir} defaults to a
 * new folder under {@code target/}; put it on the disk the agent will use, since fsync cost is the disk's.
 */
public final class JournalAppendBenchmark {

    private JournalAppendBenchmark() {}

    static final List<AgentEvent> TYPICAL = List.of(
            new AgentEvent("agent-1", 1_000_000, Instant.parse("2026-03-01T08:15:34.500Z"), AgentEventType.DOOR_STATE,
                    "door-lobby-main", "dc-door-lobby-main", Map.of("state", "OPEN")),
            new AgentEvent("agent-1", 1_000_000, Instant.parse("2026-03-01T08:15:34.500Z"), AgentEventType.READ_REJECTED,
                    null, "rdr-door-lobby-main-in", Map.of("reason", "DECISION_TIMEOUT")),
            new AgentEvent("agent-1", 1_000_000, Instant.parse("2026-03-01T08:15:34.500Z"), AgentEventType.SENSOR_READING,
                    null, "env-hall1-rack12", Map.of("quantity", "temperature", "value", "21.5", "unit", "°C")),
            new AgentEvent("agent-1", 1_000_000, Instant.parse("2026-03-01T08:15:34.500Z"), AgentEventType.COMMAND_EXECUTED,
                    "door-lobby-main", null, Map.of("commandId", "8b0c2a8e-0d6f-4b53-a7f4-2f0b1c3d4e5f", "action", "UNLOCK")));

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true);
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory(Files.createDirectories(Path.of("target")), "journal-bench-");
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;

        out.println("record sizes (16-byte header + contract JSON):");
        for (AgentEvent e : TYPICAL) {
            out.printf("  %-17s %4d bytes%n", e.type(), JournalRecord.HEADER + ContractJson.write(e).length);
        }

        JournalSettings settings = JournalSettings.defaults();
        try (EventJournal journal = EventJournal.open(dir, settings, new Counters())) {
            long first = journal.last() + 1;
            for (long s = first; s < first + 200; s++) { // warm-up
                journal.append(event(s));
            }
            long[] nanos = new long[events];
            long bytesBefore = journal.used();
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                long t = System.nanoTime();
                journal.append(event(first + 200 + i));
                nanos[i] = System.nanoTime() - t;
            }
            long total = System.nanoTime() - start;
            long bytes = journal.used() - bytesBefore;
            Arrays.sort(nanos);
            out.printf("append + force, %d events in %s: %.0f events/s, %.1f bytes/event%n", events, dir,
                    events / (total / 1e9), (double) bytes / events);
            out.printf("latency: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                    nanos[events / 2] / 1e6, nanos[(int) (events * 0.99)] / 1e6, nanos[events - 1] / 1e6);
            double perSecond = 20;
            out.printf("capacity %d bytes at %.0f events/s of %.0f bytes: %.1f days%n", settings.capacityBytes(), perSecond,
                    (double) bytes / events, settings.capacityBytes() / ((double) bytes / events * perSecond) / 86_400);
        }
    }

    private static AgentEvent event(long seq) {
        AgentEvent t = TYPICAL.get((int) (seq % TYPICAL.size()));
        return new AgentEvent(t.agentId(), seq, t.occurredAt(), t.type(), t.doorId(), t.deviceId(), t.attributes());
    }
}
