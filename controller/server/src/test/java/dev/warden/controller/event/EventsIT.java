package dev.warden.controller.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.controller.Api;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Verifies event search over HTTP (filters, paging, newest first, validation) and the writer's throughput. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventsIT {
    static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EventWriter writer;

    Api admin;

    /** 30 events on door Q-a (person Q-p1 grants on even minutes, Q-p2 denies on odd), 10 rejected reads on Q-b. */
    @BeforeAll
    void events() {
        admin = Api.admin(client);
        long before = writer.stored();
        for (int i = 0; i < 30; i++) {
            boolean grant = i % 2 == 0;
            writer.submit(new AccessEventRow(null, T0.plusSeconds(60L * i), "ACCESS", "Q-a", "Q-a-in", "IN",
                    grant ? "Q-p1" : "Q-p2", grant ? "Q-c1" : "Q-c2", "H10301 1:" + i, grant ? "GRANT" : "DENY",
                    grant ? "GRANTED" : "OUTSIDE_SCHEDULE", "MQTT_READER", null, null, "n" + i));
        }
        for (int i = 0; i < 10; i++) {
            writer.submit(new AccessEventRow(null, T0.plusSeconds(30 + 60L * i), "REJECTED_READ", "Q-b", "Q-b-in",
                    "IN", null, null, null, "REJECTED", "WIEGAND_PARITY", "AGENT", "agent-q", 1000L + i, "parity"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> writer.stored() >= before + 40);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    @Test
    void filtersByDoorAndDecisionNewestFirst() {
        Map<String, Object> page = admin.map("/api/v1/events?doorId=Q-a&decision=deny&size=500");
        assertThat(page).containsEntry("total", 15).containsEntry("page", 0).containsEntry("size", 500);
        List<Map<String, Object>> items = items(page);
        assertThat(items).hasSize(15).allSatisfy(e -> assertThat(e).containsEntry("decision", "DENY")
                .containsEntry("personId", "Q-p2").containsEntry("reasonText", "Outside the access schedule"));
        assertThat(items.getFirst()).containsEntry("occurredAt", T0.plusSeconds(60L * 29).toString());
        assertThat(items.getLast()).containsEntry("occurredAt", T0.plusSeconds(60).toString());
    }

    @Test
    void filtersByPersonAndTimeRange() {
        String from = T0.plusSeconds(60L * 10).toString();
        String to = T0.plusSeconds(60L * 20).toString();
        Map<String, Object> page = admin.map("/api/v1/events?personId=Q-p1&from=" + from + "&to=" + to);
        assertThat(page).containsEntry("total", 5);
        assertThat(items(page)).extracting(e -> e.get("card"))
                .containsExactly("H10301 1:18", "H10301 1:16", "H10301 1:14", "H10301 1:12", "H10301 1:10");
    }

    @Test
    void pagesThroughRejectedReads() {
        Map<String, Object> first = admin.map("/api/v1/events?doorId=Q-b&size=4&page=0");
        Map<String, Object> last = admin.map("/api/v1/events?doorId=Q-b&size=4&page=2");
        assertThat(first).containsEntry("total", 10);
        assertThat(items(first)).hasSize(4).first().satisfies(e -> assertThat(e).containsEntry("seq", 1009)
                .containsEntry("kind", "REJECTED_READ").containsEntry("agentId", "agent-q")
                .containsEntry("reasonText", "parity").containsEntry("source", "AGENT"));
        assertThat(items(last)).hasSize(2).extracting(e -> e.get("seq")).containsExactly(1001, 1000);
    }

    @Test
    void rejectsBadParameters() {
        assertThat(admin.fails(() -> admin.map("/api/v1/events?size=501")).error().message())
                .contains("size must be a whole number between 1 and 500");
        assertThat(admin.fails(() -> admin.map("/api/v1/events?page=-1")).status()).isEqualTo(400);
        assertThat(admin.fails(() -> admin.map("/api/v1/events?decision=MAYBE")).error().message())
                .contains("decision must be one of GRANT, DENY, REJECTED");
        assertThat(admin.fails(() -> admin.map("/api/v1/events?from=yesterday")).error().message())
                .contains("from must be an ISO-8601 instant");
        assertThat(admin.fails(() -> admin.map("/api/v1/events?doorId=a%20b")).status()).isEqualTo(400);
    }

    /** Verifies that a 20,000-event burst is queued without a drop and stored well within a few seconds. */
    @Test
    void absorbsABurstWithoutDropping() {
        long before = writer.stored();
        long dropsBefore = writer.dropped();
        int n = 20_000;
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            writer.submit(new AccessEventRow(null, T0.minusSeconds(i), "ACCESS", "Q-burst", "Q-burst-in", "IN",
                    null, null, "H10301 9:" + i, "DENY", "UNKNOWN_CREDENTIAL", "MQTT_READER", null, null, null));
        }
        long submitMicros = (System.nanoTime() - started) / 1000;
        await().atMost(Duration.ofSeconds(60)).until(() -> writer.stored() >= before + n);
        assertThat(writer.dropped()).isEqualTo(dropsBefore);
        assertThat(submitMicros).as("queueing 20k events must not block").isLessThan(2_000_000);
        assertThat(admin.map("/api/v1/events?doorId=Q-burst&size=1")).containsEntry("total", n);
    }
}
