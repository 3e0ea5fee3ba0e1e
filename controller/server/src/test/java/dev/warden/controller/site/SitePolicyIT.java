package dev.warden.controller.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.controller.Api;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verifies the policy settings of sites and areas over real HTTP: defaults, validation, roles, threat level and
 * lockdown as supervisor actions with a required reason recorded as OPERATOR events, and public holidays.
 */
@MicronautTest(transactional = false)
class SitePolicyIT {
    @Inject
    @Client("/")
    HttpClient client;

    Api admin;

    @BeforeEach
    void signIn() {
        admin = Api.admin(client);
    }

    private void site(String id) {
        admin.post("/api/v1/sites", Map.of("id", id, "name", "Site " + id, "timeZone", "Europe/Berlin"), Map.class);
    }

    @Test
    void aSiteHasTheDefaultRulesAndItsEscortSettingsAreValidatedAndKeptWhenOmitted() {
        Map<String, Object> created = admin.create("/api/v1/sites",
                Map.of("id", "E1", "name", "E1", "timeZone", "Europe/Berlin"));
        assertThat(created).containsEntry("threatLevel", "NORMAL").containsEntry("lockedDown", false)
                .containsEntry("escortWindowSeconds", 30).containsEntry("maxVisitorsPerEscort", 2);

        admin.put("/api/v1/sites/E1", Map.of("name", "E1", "timeZone", "Europe/Berlin", "escortWindowSeconds", 45,
                "maxVisitorsPerEscort", 3, "threatLevel", "SEVERE", "lockedDown", true), Map.class);
        assertThat(admin.map("/api/v1/sites/E1")).as("threat level and lockdown are read-only in a PUT")
                .containsEntry("escortWindowSeconds", 45).containsEntry("maxVisitorsPerEscort", 3)
                .containsEntry("threatLevel", "NORMAL").containsEntry("lockedDown", false);
        admin.put("/api/v1/sites/E1", Map.of("name", "E one", "timeZone", "Europe/Berlin"), Map.class);
        assertThat(admin.map("/api/v1/sites/E1")).as("omitted settings are unchanged")
                .containsEntry("name", "E one").containsEntry("escortWindowSeconds", 45);

        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("name", "x", "timeZone", "UTC", "escortWindowSeconds", 0),
                Map.of("name", "x", "timeZone", "UTC", "escortWindowSeconds", 601),
                Map.of("name", "x", "timeZone", "UTC", "maxVisitorsPerEscort", 0),
                Map.of("name", "x", "timeZone", "UTC", "maxVisitorsPerEscort", 51))) {
            Api.Failure f = admin.fails(() -> admin.put("/api/v1/sites/E1", bad, Map.class));
            assertThat(f.status()).as("%s", bad).isEqualTo(400);
            assertThat(f.error().message()).containsAnyOf("escortWindowSeconds", "maxVisitorsPerEscort");
        }
    }

    @Test
    void theThreatLevelIsChangedBySupervisorsWithAReasonAndRecorded() {
        site("TL");
        Api supervisor = admin.newOperator(client, "tl-super", "SUPERVISOR");
        Api guard = admin.newOperator(client, "tl-guard", "GUARD");

        assertThat(guard.fails(() -> guard.put("/api/v1/sites/TL/threat-level",
                Map.of("level", "HIGH", "reason", "drill"), Map.class)).status()).isEqualTo(403);
        Api.Failure noReason = supervisor.fails(() -> supervisor.put("/api/v1/sites/TL/threat-level",
                Map.of("level", "HIGH"), Map.class));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.error().message()).isEqualTo("reason is required");
        Api.Failure badLevel = supervisor.fails(() -> supervisor.put("/api/v1/sites/TL/threat-level",
                Map.of("level", "PURPLE", "reason", "x"), Map.class));
        assertThat(badLevel.error().message()).contains("level must be one of NORMAL, ELEVATED, HIGH, SEVERE");
        assertThat(supervisor.fails(() -> supervisor.put("/api/v1/sites/nope/threat-level",
                Map.of("level", "HIGH", "reason", "x"), Map.class)).status()).isEqualTo(404);

        assertThat(supervisor.put("/api/v1/sites/TL/threat-level",
                Map.of("level", "high", "reason", "credible threat reported by police"), Map.class))
                .containsEntry("threatLevel", "HIGH");
        assertThat(admin.map("/api/v1/sites/TL")).containsEntry("threatLevel", "HIGH");
        Map<String, Object> event = awaitOperatorEvent("THREAT_LEVEL", "site TL");
        assertThat((String) event.get("reasonText")).startsWith("tl-super: threat level of site TL NORMAL -> HIGH")
                .contains("credible threat reported by police");
        assertThat(event).containsEntry("source", "OPERATOR").containsEntry("kind", "OPERATOR");
    }

    @Test
    void siteAndAreaLockdownsAreSetAndLiftedBySupervisorsWithAReasonAndRecorded() {
        site("LD");
        admin.post("/api/v1/areas", Map.of("id", "LD-hall", "siteId", "LD", "name", "Hall", "kind", "HALL"), Map.class);
        Api supervisor = admin.newOperator(client, "ld-super", "SUPERVISOR");
        Api guard = admin.newOperator(client, "ld-guard", "GUARD");

        assertThat(guard.fails(() -> guard.action("/api/v1/sites/LD/lockdown")).status()).isEqualTo(403);
        assertThat(guard.fails(() -> guard.action("/api/v1/areas/LD-hall/lockdown")).status()).isEqualTo(403);
        Api.Failure noReason = supervisor.fails(() -> supervisor.action("/api/v1/sites/LD/lockdown"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.error().message()).isEqualTo("reason is required");
        assertThat(supervisor.fails(() -> supervisor.post("/api/v1/areas/LD-hall/lockdown",
                Map.of("reason", " "), Map.class)).status()).isEqualTo(400);
        assertThat(supervisor.fails(() -> supervisor.post("/api/v1/areas/ghost/lockdown",
                Map.of("reason", "x"), Map.class)).status()).isEqualTo(404);

        assertThat(supervisor.fails(() -> supervisor.post("/api/v1/sites/ghost/lockdown/lift",
                Map.of("reason", "x"), Map.class)).status()).isEqualTo(404);
    }

    @Test
    void lockdownRoundTripRecordsEachChangeOnce() {
        site("LR");
        admin.post("/api/v1/areas", Map.of("id", "LR-hall", "siteId", "LR", "name", "Hall", "kind", "HALL"), Map.class);
        Api supervisor = admin.newOperator(client, "lr-super", "SUPERVISOR");

        assertThat(act(supervisor, "/api/v1/sites/LR/lockdown", Map.of("reason", "fire in hall 2")))
                .containsEntry("lockedDown", true);
        assertThat(act(supervisor, "/api/v1/sites/LR/lockdown", Map.of("reason", "again")))
                .as("a repeat changes nothing").containsEntry("lockedDown", true);
        assertThat(act(supervisor, "/api/v1/areas/LR-hall/lockdown", Map.of("reason", "intruder")))
                .containsEntry("lockedDown", true);
        Map<String, Object> area = admin.map("/api/v1/areas/LR-hall");
        Map<String, Object> update = new HashMap<>(area);
        update.put("name", "Hall renamed");
        update.put("lockedDown", false);
        assertThat(admin.put("/api/v1/areas/LR-hall", update, Map.class)).as("lockedDown is read-only in a PUT")
                .containsEntry("lockedDown", true).containsEntry("name", "Hall renamed");
        assertThat(act(supervisor, "/api/v1/areas/LR-hall/lockdown/lift", Map.of("reason", "all clear")))
                .containsEntry("lockedDown", false);
        assertThat(act(admin, "/api/v1/sites/LR/lockdown/lift", Map.of("reason", "fire out")))
                .containsEntry("lockedDown", false);

        assertThat((String) awaitOperatorEvent("LOCKDOWN_SET", "site LR").get("reasonText"))
                .isEqualTo("lr-super: lockdown set on site LR — reason: fire in hall 2");
        assertThat((String) awaitOperatorEvent("LOCKDOWN_SET", "area LR-hall").get("reasonText"))
                .contains("intruder");
        assertThat((String) awaitOperatorEvent("LOCKDOWN_LIFTED", "area LR-hall").get("reasonText"))
                .startsWith("lr-super:").contains("all clear");
        assertThat((String) awaitOperatorEvent("LOCKDOWN_LIFTED", "site LR").get("reasonText"))
                .startsWith("admin:").contains("fire out");
        assertThat(operatorEvents("LOCKDOWN_SET", "site LR")).as("the repeat was not recorded").hasSize(1);
    }

    @Test
    void areaRulesAreValidatedDefaultedAndKeptWhenOmitted() {
        site("AR");
        Map<String, Object> plain = admin.create("/api/v1/areas",
                Map.of("id", "AR-b", "siteId", "AR", "name", "B", "kind", "BUILDING"));
        assertThat(plain).containsEntry("restricted", false).containsEntry("lockedDown", false)
                .containsEntry("antiPassback", "NONE").containsEntry("passbackReentrySeconds", null)
                .containsEntry("twoPersonWindowSeconds", null);
        Map<String, Object> cage = admin.create("/api/v1/areas", Map.of("id", "AR-c", "siteId", "AR",
                "parentId", "AR-b", "name", "Cage", "kind", "CAGE", "restricted", true, "antiPassback", "hard",
                "twoPersonWindowSeconds", 20));
        assertThat(cage).containsEntry("restricted", true).containsEntry("antiPassback", "HARD")
                .containsEntry("twoPersonWindowSeconds", 20);
        admin.put("/api/v1/areas/AR-c", Map.of("siteId", "AR", "parentId", "AR-b", "name", "Cage A", "kind", "CAGE"),
                Map.class);
        assertThat(admin.map("/api/v1/areas/AR-c")).as("a client that does not know the rules keeps them")
                .containsEntry("restricted", true).containsEntry("antiPassback", "HARD")
                .containsEntry("twoPersonWindowSeconds", 20).containsEntry("name", "Cage A");
        admin.put("/api/v1/areas/AR-c", Map.of("siteId", "AR", "parentId", "AR-b", "name", "Cage A", "kind", "CAGE",
                "twoPersonWindowSeconds", 0, "antiPassback", "TIMED", "passbackReentrySeconds", 120), Map.class);
        assertThat(admin.map("/api/v1/areas/AR-c")).as("0 removes the two-person rule")
                .containsEntry("twoPersonWindowSeconds", null).containsEntry("antiPassback", "TIMED")
                .containsEntry("passbackReentrySeconds", 120);

        Map<String, String> expected = Map.of(
                "antiPassback=TIMED", "passbackReentrySeconds is required for TIMED anti-passback",
                "reentry 0", "passbackReentrySeconds must be between 1 and 86400",
                "reentry without TIMED", "passbackReentrySeconds is only for TIMED anti-passback",
                "two-person 601", "twoPersonWindowSeconds must be between 1 and 600 (0 removes the rule)",
                "bad mode", "antiPassback must be one of NONE, HARD, SOFT, TIMED");
        Map<String, Map<String, Object>> bodies = Map.of(
                "antiPassback=TIMED", Map.of("antiPassback", "TIMED"),
                "reentry 0", Map.of("antiPassback", "TIMED", "passbackReentrySeconds", 0),
                "reentry without TIMED", Map.of("antiPassback", "SOFT", "passbackReentrySeconds", 60),
                "two-person 601", Map.of("twoPersonWindowSeconds", 601),
                "bad mode", Map.of("antiPassback", "SOMETIMES"));
        for (Map.Entry<String, Map<String, Object>> e : bodies.entrySet()) {
            Map<String, Object> body = new HashMap<>(Map.of("id", "AR-x", "siteId", "AR", "name", "X", "kind", "ROOM"));
            body.putAll(e.getValue());
            Api.Failure f = admin.fails(() -> admin.post("/api/v1/areas", body, Map.class));
            assertThat(f.status()).as(e.getKey()).isEqualTo(400);
            assertThat(f.error().message()).as(e.getKey()).isEqualTo(expected.get(e.getKey()));
        }
        Api guard = admin.newOperator(client, "ar-guard", "GUARD");
        assertThat(guard.fails(() -> guard.put("/api/v1/areas/AR-c", Map.of("siteId", "AR", "name", "C",
                "kind", "CAGE", "restricted", false), Map.class)).status()).isEqualTo(403);
    }

    @Test
    void holidaysArePerSiteAndDate() {
        site("HD");
        assertThat(admin.create("/api/v1/sites/HD/holidays", Map.of("date", "2026-12-25", "name", "Christmas Day")))
                .isEqualTo(Map.of("date", "2026-12-25", "name", "Christmas Day"));
        admin.create("/api/v1/sites/HD/holidays", Map.of("date", "2026-01-01", "name", "New Year"));
        assertThat(admin.list("/api/v1/sites/HD/holidays")).extracting(h -> h.get("date"))
                .containsExactly("2026-01-01", "2026-12-25");

        Api.Failure twice = admin.fails(() -> admin.post("/api/v1/sites/HD/holidays",
                Map.of("date", "2026-12-25", "name", "Again"), Map.class));
        assertThat(twice.status()).isEqualTo(409);
        Api.Failure badDate = admin.fails(() -> admin.post("/api/v1/sites/HD/holidays",
                Map.of("date", "25.12.2026", "name", "X"), Map.class));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.error().message()).contains("date must be a date yyyy-MM-dd");
        assertThat(admin.fails(() -> admin.post("/api/v1/sites/HD/holidays", Map.of("date", "2026-05-01"), Map.class))
                .error().message()).isEqualTo("name is required");
        assertThat(admin.fails(() -> admin.post("/api/v1/sites/nope/holidays",
                Map.of("date", "2026-05-01", "name", "X"), Map.class)).status()).isEqualTo(404);
        Api guard = admin.newOperator(client, "hd-guard", "GUARD");
        assertThat(guard.list("/api/v1/sites/HD/holidays")).hasSize(2);
        assertThat(guard.fails(() -> guard.post("/api/v1/sites/HD/holidays",
                Map.of("date", "2026-05-01", "name", "X"), Map.class)).status()).isEqualTo(403);

        admin.delete("/api/v1/sites/HD/holidays/2026-12-25");
        assertThat(admin.fails(() -> admin.delete("/api/v1/sites/HD/holidays/2026-12-25")).status()).isEqualTo(404);
        assertThat(admin.list("/api/v1/sites/HD/holidays")).hasSize(1);
        admin.delete("/api/v1/sites/HD");
        assertThat(admin.fails(() -> admin.list("/api/v1/sites/HD/holidays")).status()).isEqualTo(404);
    }

    /**
     * Verifies that a change of an area's rules (restriction, anti-passback, two-person rule), and an area created
     * with rules, is an OPERATOR event naming the operator, and that a rename records nothing.
     */
    @Test
    void areaRuleChangesAreRecordedWithTheOperator() {
        site("AE");
        admin.create("/api/v1/areas", Map.of("id", "AE-c", "siteId", "AE", "name", "Cage", "kind", "CAGE",
                "restricted", true, "twoPersonWindowSeconds", 20));
        Api second = admin.newOperator(client, "ae-admin", "ADMIN");
        second.put("/api/v1/areas/AE-c", Map.of("siteId", "AE", "name", "Cage", "kind", "CAGE",
                "twoPersonWindowSeconds", 0, "antiPassback", "HARD"), Map.class);
        second.put("/api/v1/areas/AE-c", Map.of("siteId", "AE", "name", "Cage A", "kind", "CAGE"), Map.class);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) admin.map("/api/v1/events?size=500").get("items");
        assertThat(items).filteredOn(e -> "AREA_RULES".equals(e.get("reason"))
                        && ((String) e.get("reasonText")).contains("area AE-c"))
                .extracting(e -> (String) e.get("reasonText"))
                .containsExactly(
                        "ae-admin: rules of area AE-c: restricted true, anti-passback NONE, two-person 20 s -> "
                                + "restricted true, anti-passback HARD, two-person none",
                        "admin: area AE-c created with rules: restricted true, anti-passback NONE, two-person 20 s");
    }

    /** A POST of an action with a body that must answer 200; the result as a map. */
    private Map<String, Object> act(Api as, String path, Object body) {
        HttpResponse<Map<String, Object>> response = client.toBlocking().exchange(
                HttpRequest.POST(path, body).bearerAuth(as.token()), Argument.mapOf(String.class, Object.class));
        assertThat(response.getStatus().getCode()).isEqualTo(200);
        return response.body();
    }

    private List<Map<String, Object>> operatorEvents(String reason, String about) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) admin.map("/api/v1/events?size=500").get("items");
        return items.stream()
                .filter(e -> "OPERATOR".equals(e.get("kind")) && reason.equals(e.get("reason")))
                .filter(e -> ((String) e.get("reasonText")).contains(about + " ")
                        || ((String) e.get("reasonText")).contains(about + " —")
                        || ((String) e.get("reasonText")).endsWith(about))
                .toList();
    }

    private Map<String, Object> awaitOperatorEvent(String reason, String about) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !operatorEvents(reason, about).isEmpty());
        return operatorEvents(reason, about).getFirst();
    }
}
