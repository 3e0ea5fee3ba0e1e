package dev.warden.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.agent.health.Counters;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies that the journal survives kill -9: a child JVM ({@link JournalWriterProcess}) records events as fast as it
 * can and is killed (SIGKILL, {@code destroyForcibly}) at a random moment, several times over the same data directory.
 * After each kill the journal opens, holds every event the child reported durable, in order with no gap, and the
 * next run continues the numbering.
 */
class JournalKillIT {

    /** Small segments, so that the kills also land around segment changes. */
    static final JournalSettings SETTINGS = JournalSettings.defaults().withSizes(64 * 1024, 16L << 20, 1L << 20);
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path data;

    @Test
    void everyEventReportedDurableSurvivesAKillAndNumberingContinues() throws Exception {
        Random random = new Random(9);
        long durableBefore = 0;
        for (int round = 0; round < 4; round++) {
            int killAfter = 50 + random.nextInt(400);
            RunResult run = runAndKill(killAfter);
            assertThat(run.firstSeq()).as("round %d starts after the last durable event", round).isGreaterThan(durableBefore);

            try (EventJournal journal = EventJournal.open(data, SETTINGS, new Counters())) {
                long last = journal.last();
                // everything reported durable is there; at most the one event being written when killed is beyond it
                assertThat(last).isBetween(run.lastDurable(), run.lastDurable() + 1);
                List<Long> seqs = new ArrayList<>();
                try (JournalReader reader = journal.reader(0)) {
                    for (JournalReader.Entry e = reader.next(); e != null; e = reader.next()) {
                        assertThat(e.event().agentId()).isEqualTo("agent-kill");
                        seqs.add(e.seq());
                    }
                }
                assertThat(seqs).as("round %d: contiguous from 1", round).hasSize((int) last);
                for (int i = 0; i < seqs.size(); i++) {
                    assertThat(seqs.get(i)).isEqualTo(i + 1L);
                }
                durableBefore = last;
            }
        }
    }

    record RunResult(long firstSeq, long lastDurable) {}

    private RunResult runAndKill(int killAfter) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = data.resolveSibling(data.getFileName() + "-child-" + System.nanoTime() + ".out");
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                JournalWriterProcess.class.getName(), data.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.redirectOutput(out.toFile());
        Process child = pb.start();
        try {
            await().atMost(WAIT).until(() -> durable(out).size() >= killAfter || !child.isAlive());
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        List<Long> reported = durable(out);
        Files.deleteIfExists(out);
        assertThat(reported).as("the child wrote events").hasSizeGreaterThanOrEqualTo(killAfter);
        return new RunResult(reported.getFirst(), reported.getLast());
    }

    /** The sequence numbers the child reported durable (complete lines only). */
    private static List<Long> durable(Path out) throws IOException {
        String text = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
        int end = text.lastIndexOf('\n');
        List<Long> seqs = new ArrayList<>();
        for (String line : text.substring(0, end + 1).split("\n")) {
            if (line.startsWith("DURABLE ")) {
                seqs.add(Long.parseLong(line.substring(8).strip()));
            }
        }
        return seqs;
    }
}
