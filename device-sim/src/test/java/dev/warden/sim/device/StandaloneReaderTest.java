package dev.warden.sim.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.contract.ContractJson;
import dev.warden.contract.DecisionMessage;
import dev.warden.contract.Verdict;
import dev.warden.sim.config.StandaloneReaderSpec;
import dev.warden.sim.testing.RecordingChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StandaloneReaderTest {

    final RecordingChannel channel = new RecordingChannel();
    final StandaloneReader reader = new StandaloneReader(new StandaloneReaderSpec("rdr-gate-1", "gate-1", null));

    StandaloneReaderTest() {
        reader.attach(channel);
    }

    static byte[] decision(String requestId, Verdict verdict) {
        return ContractJson.write(verdict == Verdict.REJECTED
                ? DecisionMessage.rejected(requestId, "MALFORMED_JSON", "bad", Instant.EPOCH)
                : new DecisionMessage(requestId, verdict, verdict == Verdict.GRANT ? "GRANTED" : "UNKNOWN_CREDENTIAL",
                        verdict == Verdict.GRANT ? 3000 : 0, null, Instant.EPOCH));
    }

    @Test
    void matchesDecisionsByRequestId() {
        var first = reader.awaitDecision("r-1");
        var second = reader.awaitDecision("r-2");

        reader.onMessage(reader.decisionTopic(), decision("r-2", Verdict.DENY));
        reader.onMessage(reader.decisionTopic(), decision("r-1", Verdict.GRANT));

        assertThat(first.join().decision()).isEqualTo(Verdict.GRANT);
        assertThat(second.join().decision()).isEqualTo(Verdict.DENY);
        assertThat(reader.lastDecision().requestId()).isEqualTo("r-1");
    }

    @Test
    void aDecisionWithoutRequestIdGoesToTheOldestWaitingRead() {
        var first = reader.awaitDecision("r-1");
        var second = reader.awaitDecision("r-2");

        reader.onMessage(reader.decisionTopic(), decision(null, Verdict.REJECTED));

        assertThat(first).isCompleted();
        assertThat(first.join().decision()).isEqualTo(Verdict.REJECTED);
        assertThat(second).isNotDone();
    }

    @Test
    void sendsOnItsReadTopicAndIgnoresGarbage() {
        reader.send("{}".getBytes(StandardCharsets.UTF_8));
        reader.onMessage(reader.decisionTopic(), "garbage".getBytes(StandardCharsets.UTF_8));

        assertThat(channel.sent()).singleElement().satisfies(s -> assertThat(s.topic()).isEqualTo("warden/v1/readers/rdr-gate-1/read"));
        assertThat(reader.rejectedDecisions()).isEqualTo(1);
    }
}
