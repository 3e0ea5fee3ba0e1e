package dev.warden.controller.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.contract.CardData;
import dev.warden.contract.FingerprintMatch;
import dev.warden.contract.Verdict;
import dev.warden.controller.Api;
import dev.warden.controller.event.EventWriter;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Verifies that ReaderDecisions answers from the index built out of data written through the REST API: a grant,
 * every denial reason a reader can meet, and that a later CRUD change reaches the decisions (index rebuilt).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderDecisionsIT {
    /** Monday 2026-03-02 10:00 in Berlin: inside the business-hours schedule. */
    static final Instant MONDAY_10 = Instant.parse("2026-03-02T09:00:00Z");
    /** Sunday 2026-03-01 10:00 in Berlin: outside it. */
    static final Instant SUNDAY_10 = Instant.parse("2026-03-01T09:00:00Z");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ReaderDecisions decisions;

    @Inject
    EventWriter events;

    @Inject
    dev.warden.controller.event.AccessEventRepository eventRows;

    Api admin;

    @BeforeAll
    void site() {
        admin = Api.admin(client);
        admin.create("/api/v1/sites", Map.of("id", "R-site", "name", "R", "timeZone", "Europe/Berlin"));
        admin.create("/api/v1/areas", Map.of("id", "R-area", "siteId", "R-site", "name", "Hall", "kind", "HALL"));
        admin.create("/api/v1/doors", Map.of("id", "R-door", "name", "Door R", "areaId", "R-area", "kind", "DOOR",
                "readerInId", "R-in", "readerOutId", "R-out", "agentId", "agent-r", "unlockMs", 4000));
        admin.create("/api/v1/doors", Map.of("id", "R-door2", "name", "Door R2", "areaId", "R-area", "kind", "DOOR",
                "readerInId", "R2-in"));
        admin.create("/api/v1/schedules", Map.of("id", "R-bh", "name", "Business hours", "siteId", "R-site",
                "windows", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY").stream()
                        .map(d -> Map.of("day", d, "start", "07:00", "end", "19:00")).toList()));
        admin.create("/api/v1/access-levels", Map.of("id", "R-lvl", "name", "Door R in hours", "scheduleId", "R-bh",
                "doorIds", List.of("R-door")));
        person("R-ok", "ACTIVE");
        person("R-susp", "SUSPENDED");
        person("R-term", "TERMINATED");
        person("R-none", "ACTIVE");
        credential(1, "R-ok", "ACTIVE", null, null);
        credential(2, "R-ok", "SUSPENDED", null, null);
        credential(3, "R-ok", "REVOKED", null, null);
        credential(4, "R-ok", "LOST", null, null);
        credential(5, "R-ok", "SURRENDERED", null, null);
        credential(6, "R-ok", "ACTIVE", "2030-01-01T00:00:00Z", null);
        credential(7, "R-ok", "ACTIVE", null, "2020-01-01T00:00:00Z");
        credential(8, "R-susp", "ACTIVE", null, null);
        credential(9, "R-term", "ACTIVE", null, null);
        credential(10, "R-none", "ACTIVE", null, null);
        for (String p : List.of("R-ok", "R-susp", "R-term")) {
            admin.create("/api/v1/assignments", Map.of("personId", p, "accessLevelId", "R-lvl"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> decide("R-in", 1, MONDAY_10).verdict() == Verdict.GRANT);
    }

    private void person(String id, String status) {
        admin.create("/api/v1/people", Map.of("id", id, "displayName", "Person " + id, "kind", "EMPLOYEE",
                "status", status));
    }

    private void credential(int number, String person, String status, String from, String until) {
        Map<String, Object> body = new HashMap<>(Map.of("id", "R-c" + number, "format", "H10301", "facility", 7,
                "number", number, "personId", person, "status", status));
        body.put("validFrom", from);
        body.put("validUntil", until);
        admin.create("/api/v1/credentials", body);
    }

    /** Asks as the party entitled to: agent-r for the readers of R-door, a standalone reader for the others. */
    private Outcome decide(String reader, int card, Instant at) {
        boolean agentDoor = reader.startsWith("R-");
        return decisions.decide(new ReaderAttempt("req-" + card, reader, null, new CardData("H10301", 7, card), null,
                at, agentDoor ? Source.AGENT : Source.MQTT_READER, agentDoor ? "agent-r" : null));
    }

    /** Verifies that an agent can only act on the doors it serves, and a standalone reader only on agent-less doors. */
    @Test
    void onlyTheDoorsOwnAgentOrAStandaloneReaderIsAnswered() {
        CardData card = new CardData("H10301", 7, 1);
        Outcome otherAgent = decisions.decide(new ReaderAttempt("req-x1", "R-in", "R-door", card, null, MONDAY_10,
                Source.AGENT, "agent-evil"));
        assertThat(otherAgent).isEqualTo(new Outcome(Verdict.DENY, "AGENT_DOOR_MISMATCH", 0, "R-door", null));

        Outcome agentAtStandaloneDoor = decisions.decide(new ReaderAttempt("req-x2", "R2-in", null, card, null,
                MONDAY_10, Source.AGENT, "agent-r"));
        assertThat(agentAtStandaloneDoor.reason()).isEqualTo("AGENT_DOOR_MISMATCH");

        Outcome readerAtAgentDoor = decisions.decide(new ReaderAttempt("req-x3", "R-in", null, card, null, MONDAY_10,
                Source.MQTT_READER, null));
        assertThat(readerAtAgentDoor).isEqualTo(new Outcome(Verdict.DENY, "READER_NOT_STANDALONE", 0, "R-door", null));

        Outcome own = decisions.decide(new ReaderAttempt("req-x4", "R-in", "R-door", card, null, MONDAY_10,
                Source.AGENT, "agent-r"));
        assertThat(own.verdict()).isEqualTo(Verdict.GRANT);
    }

    @Test
    void grantCarriesTheDoorsUnlockTimeAndTheHolder() {
        Outcome in = decide("R-in", 1, MONDAY_10);
        assertThat(in).isEqualTo(new Outcome(Verdict.GRANT, "GRANTED", 4000, "R-door", "R-ok",
                java.util.Set.of(dev.warden.policy.Factor.CARD), dev.warden.policy.GrantBasis.ACCESS_LEVEL));
        Outcome out = decisions.decide(new ReaderAttempt("req-out", "R-out", "R-door", new CardData("H10301", 7, 1),
                null, MONDAY_10, Source.AGENT, "agent-r"));
        assertThat(out.verdict()).isEqualTo(Verdict.GRANT);
    }

    @Test
    void everyDenialReason() {
        assertThat(decide("R-in", 99, MONDAY_10).reason()).isEqualTo("UNKNOWN_CREDENTIAL");
        assertThat(decide("R-in", 2, MONDAY_10).reason()).isEqualTo("CREDENTIAL_SUSPENDED");
        assertThat(decide("R-in", 3, MONDAY_10).reason()).isEqualTo("CREDENTIAL_REVOKED");
        assertThat(decide("R-in", 4, MONDAY_10).reason()).isEqualTo("CREDENTIAL_LOST");
        assertThat(decide("R-in", 5, MONDAY_10).reason()).isEqualTo("CREDENTIAL_SURRENDERED");
        assertThat(decide("R-in", 6, MONDAY_10).reason()).isEqualTo("CREDENTIAL_NOT_YET_VALID");
        assertThat(decide("R-in", 7, MONDAY_10).reason()).isEqualTo("CREDENTIAL_EXPIRED");
        assertThat(decide("R-in", 8, MONDAY_10).reason()).isEqualTo("PERSON_SUSPENDED");
        assertThat(decide("R-in", 9, MONDAY_10).reason()).isEqualTo("PERSON_TERMINATED");
        assertThat(decide("R-in", 10, MONDAY_10).reason()).isEqualTo("NO_ACCESS_LEVEL");
        assertThat(decide("R2-in", 1, MONDAY_10).reason()).isEqualTo("NO_ACCESS_LEVEL");
        assertThat(decide("R-in", 1, SUNDAY_10).reason()).isEqualTo("OUTSIDE_SCHEDULE");

        Outcome unknownReader = decide("no-such-reader", 1, MONDAY_10);
        assertThat(unknownReader).isEqualTo(new Outcome(Verdict.DENY, "UNKNOWN_READER", 0, null, null));

        Outcome mismatch = decisions.decide(new ReaderAttempt("req-m", "R-in", "R-door2",
                new CardData("H10301", 7, 1), null, MONDAY_10, Source.AGENT, "agent-r"));
        assertThat(mismatch.verdict()).isEqualTo(Verdict.DENY);
        assertThat(mismatch.reason()).isEqualTo("READER_DOOR_MISMATCH");
        assertThat(mismatch.unlockMs()).isZero();
    }

    @Test
    void aDenialNamesTheHolderWhenKnown() {
        Outcome terminated = decide("R-in", 9, MONDAY_10);
        assertThat(terminated).isEqualTo(new Outcome(Verdict.DENY, "PERSON_TERMINATED", 0, "R-door", "R-term"));
    }

    @Test
    void crudChangesReachTheDecisions() {
        admin.create("/api/v1/people", Map.of("id", "R-later", "displayName", "Later", "kind", "EMPLOYEE"));
        Map<String, Object> cred = new HashMap<>(Map.of("id", "R-c20", "format", "H10301", "facility", 7,
                "number", 20, "personId", "R-later"));
        admin.create("/api/v1/credentials", cred);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> decide("R-in", 20, MONDAY_10).reason().equals("NO_ACCESS_LEVEL"));

        admin.create("/api/v1/assignments", Map.of("personId", "R-later", "accessLevelId", "R-lvl"));
        await().atMost(Duration.ofSeconds(10)).until(() -> decide("R-in", 20, MONDAY_10).verdict() == Verdict.GRANT);

        cred.put("status", "REVOKED");
        admin.put("/api/v1/credentials/R-c20", cred, Map.class);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> decide("R-in", 20, MONDAY_10).reason().equals("CREDENTIAL_REVOKED"));
    }

    @Test
    void decisionsAreStoredAsEvents() {
        long before = events.stored();
        decisions.decide(new ReaderAttempt("req-evt", "R-out", null, new CardData("H10301", 7, 1), null,
                MONDAY_10, Source.AGENT, "agent-r"));
        decisions.recordRejected("req-bad", "R-in", "WIEGAND_PARITY", "parity error in 26 bits", MONDAY_10,
                Source.MQTT_READER, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> events.stored() >= before + 2);

        List<Map<String, Object>> items = items(admin.map("/api/v1/events?doorId=R-door&decision=REJECTED&size=500"));
        assertThat(items).anySatisfy(e -> assertThat(e)
                .containsEntry("kind", "REJECTED_READ").containsEntry("readerId", "R-in")
                .containsEntry("direction", "IN").containsEntry("reason", "WIEGAND_PARITY")
                .containsEntry("reasonText", "parity error in 26 bits; request req-bad")
                .containsEntry("source", "MQTT_READER"));
        List<Map<String, Object>> grants = items(admin.map("/api/v1/events?doorId=R-door&decision=GRANT&size=500"));
        assertThat(grants).anySatisfy(e -> assertThat(e)
                .containsEntry("kind", "ACCESS").containsEntry("doorName", "Door R").containsEntry("readerId", "R-out")
                .containsEntry("direction", "OUT").containsEntry("personId", "R-ok")
                .containsEntry("personName", "Person R-ok").containsEntry("credentialId", "R-c1")
                .containsEntry("card", "H10301 7:1").containsEntry("reason", "GRANTED")
                .containsEntry("reasonText", "Access granted").containsEntry("source", "AGENT")
                .containsEntry("agentId", "agent-r").containsEntry("seq", null)
                .containsEntry("occurredAt", "2026-03-02T09:00:00Z"));
    }

    /**
     * Verifies card + fingerprint end to end from REST data: the door's second factor and the enrolled fingers reach
     * the decisions, a finger must be the card holder's own ACTIVE one, and revoking it or switching the door back to
     * card-only takes effect.
     */
    @Test
    void aCardAndFingerprintDoorNeedsTheHoldersOwnActiveFinger() {
        Map<String, Object> door = new HashMap<>(Map.of("id", "R-cage", "name", "Cage R", "areaId", "R-area",
                "kind", "DOOR", "readerInId", "R-cage-in", "agentId", "agent-r", "unlockMs", 3000,
                "secondFactor", "FINGERPRINT"));
        assertThat(admin.create("/api/v1/doors", door)).containsEntry("secondFactor", "FINGERPRINT");
        admin.create("/api/v1/access-levels", Map.of("id", "R-cage-lvl", "name", "Cage R", "scheduleId", "R-bh",
                "doorIds", List.of("R-cage")));
        admin.create("/api/v1/assignments", Map.of("personId", "R-ok", "accessLevelId", "R-cage-lvl"));
        admin.create("/api/v1/fingerprints", Map.of("id", "R-f1", "personId", "R-ok", "moduleId", "fp-r",
                "pageId", 1));
        admin.create("/api/v1/fingerprints", Map.of("id", "R-f2", "personId", "R-susp", "moduleId", "fp-r",
                "pageId", 2));
        admin.create("/api/v1/fingerprints", Map.of("id", "R-f3", "personId", "R-ok", "moduleId", "fp-r",
                "pageId", 3, "status", "REVOKED"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> cage(1, new FingerprintMatch("fp-r", 1, 80)).verdict() == Verdict.GRANT);

        assertThat(cage(1, new FingerprintMatch("fp-r", 1, 80)))
                .isEqualTo(new Outcome(Verdict.GRANT, "GRANTED", 3000, "R-cage", "R-ok",
                        java.util.Set.of(dev.warden.policy.Factor.CARD, dev.warden.policy.Factor.FINGERPRINT),
                        dev.warden.policy.GrantBasis.ACCESS_LEVEL));
        assertThat(cage(1, null)).isEqualTo(new Outcome(Verdict.DENY, "SECOND_FACTOR_REQUIRED", 0, "R-cage", "R-ok"));
        assertThat(cage(1, new FingerprintMatch("fp-r", 2, 80)).reason()).as("another person's finger")
                .isEqualTo("SECOND_FACTOR_MISMATCH");
        assertThat(cage(1, new FingerprintMatch("fp-r", 3, 80)).reason()).as("a revoked finger")
                .isEqualTo("SECOND_FACTOR_MISMATCH");
        assertThat(cage(1, new FingerprintMatch("fp-r", 9, 80)).reason()).as("an empty page")
                .isEqualTo("SECOND_FACTOR_MISMATCH");
        assertThat(cage(1, new FingerprintMatch("fp-other", 1, 80)).reason()).as("the same page of another module")
                .isEqualTo("SECOND_FACTOR_MISMATCH");
        assertThat(cage(9, new FingerprintMatch("fp-r", 1, 80)).reason()).as("person status comes first")
                .isEqualTo("PERSON_TERMINATED");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> details = new java.util.ArrayList<>();
            eventRows.findAll().forEach(r -> {
                if ("R-cage".equals(r.doorId()) && "GRANT".equals(r.decision())) {
                    details.add(r.detail());
                }
            });
            assertThat(details).as("the finger is on record with the decision")
                    .anySatisfy(d -> assertThat(d).contains("fingerprint fp-r#1 score 80"));
        });

        assertThat(admin.action("/api/v1/fingerprints/R-f1/revoke")).containsEntry("status", "REVOKED");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                cage(1, new FingerprintMatch("fp-r", 1, 80)).reason().equals("SECOND_FACTOR_MISMATCH"));

        door.put("secondFactor", "NONE");
        admin.put("/api/v1/doors/R-cage", door, Map.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> cage(1, null).verdict() == Verdict.GRANT);
    }

    /**
     * Verifies card + PIN end to end from REST data: the PIN set through the API is checked at a PIN door, a grant
     * records CARD+PIN, the duress PIN opens the door with exactly the answer and event of a normal grant, and no
     * stored event holds either PIN.
     */
    @Test
    void aPinDoorChecksThePinAndADuressGrantLooksNormal() {
        admin.create("/api/v1/doors", Map.of("id", "R-keypad", "name", "Keypad R", "areaId", "R-area",
                "kind", "DOOR", "readerInId", "R-key-in", "agentId", "agent-r", "unlockMs", 2500,
                "secondFactor", "PIN"));
        admin.create("/api/v1/access-levels", Map.of("id", "R-key-lvl", "name", "Keypad R", "scheduleId", "R-bh",
                "doorIds", List.of("R-keypad")));
        admin.create("/api/v1/assignments", Map.of("personId", "R-ok", "accessLevelId", "R-key-lvl"));
        admin.put("/api/v1/people/R-ok/pin", Map.of("pin", "4821", "duressPin", "7395"), Map.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> keypad("req-pin-wait", "4821").verdict() == Verdict.GRANT);

        assertThat(keypad("req-pin-none", null).reason()).isEqualTo("PIN_REQUIRED");
        assertThat(keypad("req-pin-wrong", "1111").reason()).isEqualTo("PIN_MISMATCH");
        Outcome normal = keypad("req-pin-a", "4821");
        Outcome duress = keypad("req-pin-b", "7395");
        assertThat(normal).isEqualTo(new Outcome(Verdict.GRANT, "GRANTED", 2500, "R-keypad", "R-ok",
                java.util.Set.of(dev.warden.policy.Factor.CARD, dev.warden.policy.Factor.PIN),
                dev.warden.policy.GrantBasis.ACCESS_LEVEL));
        assertThat(duress).as("the agent cannot tell").isEqualTo(normal);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<dev.warden.controller.event.AccessEventRow> rows = new java.util.ArrayList<>();
            eventRows.findAll().forEach(r -> {
                if ("R-keypad".equals(r.doorId())) {
                    rows.add(r);
                }
            });
            assertThat(rows).extracting(dev.warden.controller.event.AccessEventRow::detail)
                    .contains("request req-pin-a; factors=CARD+PIN basis=ACCESS_LEVEL",
                            "request req-pin-b; factors=CARD+PIN basis=ACCESS_LEVEL");
            assertThat(rows).allSatisfy(r -> assertThat(r.toString()).doesNotContain("4821").doesNotContain("7395")
                    .doesNotContain("1111").doesNotContainIgnoringCase("duress"));
        });
        List<Map<String, Object>> views = items(admin.map("/api/v1/events?doorId=R-keypad&decision=GRANT&size=500"));
        assertThat(views).as("the event stream's view of every grant here, duress included")
                .hasSizeGreaterThanOrEqualTo(3).allSatisfy(v -> assertThat(v).containsEntry("reason", "GRANTED")
                .containsEntry("reasonText", "Access granted").containsEntry("decision", "GRANT"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                items(admin.map("/api/v1/alarms?type=DURESS&doorId=R-keypad"))).as("the silent alarm, for admins")
                .anySatisfy(a -> assertThat(a).containsEntry("personId", "R-ok")));
    }

    private Outcome keypad(String requestId, String pin) {
        return decisions.decide(new ReaderAttempt(requestId, "R-key-in", "R-keypad", new CardData("H10301", 7, 1),
                pin, MONDAY_10, Source.AGENT, "agent-r"));
    }

    private Outcome cage(int card, FingerprintMatch finger) {
        return decisions.decide(new ReaderAttempt("req-cage-" + card, "R-cage-in", "R-cage",
                new CardData("H10301", 7, card), null, MONDAY_10, Source.AGENT, "agent-r", finger));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }
}
