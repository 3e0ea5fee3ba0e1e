package dev.warden.controller.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.contract.AgentEvent;
import dev.warden.contract.AgentEventType;
import dev.warden.contract.AgentStatus;
import dev.warden.controller.Api;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Verifies idempotent agent-event ingestion (also under concurrent redelivery), door live state and presence. */
@MicronautTest(transactional = false)
class AgentEventIngestionIT {
    static final Instant T = Instant.parse("2026-06-01T12:00:00Z");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    AgentEventIngestion ingestion;

    @Inject
    AgentPresence presence;

    @Inject
    AccessEventRepository events;

    Api admin;

    @BeforeEach
    void signIn() {
        admin = Api.admin(client);
    }

    private static AgentEvent event(String agent, long seq, AgentEventType type, String door, Map<String, String> attrs) {
        return new AgentEvent(agent, seq, T.plusSeconds(seq), type, door, "dev-1", attrs);
    }

    @Test
    void redeliveryStoresOnce() {
        AgentEvent e = event("agent-a", 1, AgentEventType.DEVICE_OFFLINE, null, Map.of("reason", "unplugged"));
        assertThat(ingestion.ingest(e)).isEqualTo(IngestResult.STORED);
        assertThat(ingestion.ingest(e)).isEqualTo(IngestResult.DUPLICATE);
        assertThat(events.countByAgentIdAndSeq("agent-a", 1L)).isEqualTo(1);

        assertThat(ingestion.ingest(event("agent-b", 1, AgentEventType.DEVICE_ONLINE, null, Map.of())))
                .as("the same seq from another agent is another event").isEqualTo(IngestResult.STORED);
    }

    @Test
    void concurrentRedeliveryStoresEachEventOnce() throws Exception {
        int threads = 8;
        int perThread = 60;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<int[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<int[]> job = () -> {
                    int stored = 0;
                    int duplicate = 0;
                    for (long seq = 1; seq <= perThread; seq++) {
                        IngestResult r = ingestion.ingest(event("agent-race", seq, AgentEventType.COMMAND_EXECUTED,
                                null, Map.of("action", "UNLOCK", "commandId", "cmd-" + seq)));
                        if (r == IngestResult.STORED) {
                            stored++;
                        } else {
                            duplicate++;
                        }
                    }
                    return new int[] {stored, duplicate};
                };
                results.add(pool.submit(job));
            }
            int stored = 0;
            int duplicates = 0;
            for (Future<int[]> f : results) {
                int[] r = f.get(60, TimeUnit.SECONDS);
                stored += r[0];
                duplicates += r[1];
            }
            assertThat(stored).isEqualTo(perThread);
            assertThat(duplicates).isEqualTo(perThread * (threads - 1));
            for (long seq = 1; seq <= perThread; seq++) {
                assertThat(events.countByAgentIdAndSeq("agent-race", seq)).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void doorStateIsAppliedAndNeverMovesBackwards() {
        admin.create("/api/v1/sites", Map.of("id", "I-site", "name", "I", "timeZone", "UTC"));
        admin.create("/api/v1/areas", Map.of("id", "I-area", "siteId", "I-site", "name", "A", "kind", "ROOM"));
        admin.create("/api/v1/doors", Map.of("id", "I-door", "name", "Door I", "areaId", "I-area", "kind", "DOOR",
                "agentId", "agent-i"));

        assertThat(ingestion.ingest(event("agent-i", 10, AgentEventType.DOOR_STATE, "I-door", Map.of("state", "OPEN"))))
                .isEqualTo(IngestResult.STORED);
        assertThat(admin.map("/api/v1/doors/I-door")).containsEntry("state", "OPEN")
                .containsEntry("lastChange", T.plusSeconds(10).toString());

        ingestion.ingest(event("agent-i", 5, AgentEventType.DOOR_STATE, "I-door", Map.of("state", "CLOSED")));
        assertThat(admin.map("/api/v1/doors/I-door")).as("an older report is stored but not applied")
                .containsEntry("state", "OPEN");

        ingestion.ingest(event("agent-i", 11, AgentEventType.DOOR_STATE, "I-door", Map.of("state", "LOCKED")));
        ingestion.ingest(event("agent-i", 12, AgentEventType.DOOR_STATE, "I-door", Map.of("state", "EXPLODED")));
        assertThat(admin.map("/api/v1/doors/I-door")).containsEntry("state", "LOCKED");

        assertThat(admin.map("/api/v1/doors/I-door")).containsEntry("agentOnline", false);
        presence.statusChanged(new AgentStatus("agent-i", AgentStatus.State.ONLINE, T, "0.1.0"));
        assertThat(admin.map("/api/v1/doors/I-door")).containsEntry("agentOnline", true);
        presence.statusChanged(new AgentStatus("agent-i", AgentStatus.State.OFFLINE, T.minusSeconds(60), "0.1.0"));
        assertThat(admin.map("/api/v1/doors/I-door")).as("a stale status is ignored").containsEntry("agentOnline", true);
        presence.statusChanged(new AgentStatus("agent-i", AgentStatus.State.OFFLINE, T.plusSeconds(60), "0.1.0"));
        assertThat(admin.map("/api/v1/doors/I-door")).containsEntry("agentOnline", false);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> stored = (List<Map<String, Object>>) admin.map("/api/v1/events?doorId=I-door&size=10")
                .get("items");
        assertThat(stored).hasSize(4).first().satisfies(e -> assertThat(e).containsEntry("kind", "DOOR")
                .containsEntry("reason", "DOOR_STATE").containsEntry("reasonText", "state=EXPLODED")
                .containsEntry("seq", 12).containsEntry("source", "AGENT").containsEntry("doorName", "Door I"));
    }

    @Test
    void rejectedReadsFromAgentsAreRecorded() {
        ingestion.ingest(new AgentEvent("agent-r", 3, T, AgentEventType.READ_REJECTED, "R-door", "rdr-x",
                Map.of("reason", "WIEGAND_PARITY", "bits", "26")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> stored = (List<Map<String, Object>>) admin.map(
                "/api/v1/events?doorId=R-door&decision=REJECTED").get("items");
        assertThat(stored).singleElement().satisfies(e -> assertThat(e).containsEntry("kind", "REJECTED_READ")
                .containsEntry("reason", "WIEGAND_PARITY").containsEntry("readerId", "rdr-x")
                .containsEntry("reasonText", "bits=26, reason=WIEGAND_PARITY"));
    }
}
