package dev.warden.controller.door;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.controller.Api;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verifies a door's policy fields over real HTTP: card + PIN, a free-access schedule (of the door's own site, never
 * into a restricted area, kept when omitted, removed with ""), threat marking, and the conflicts they create.
 */
@MicronautTest(transactional = false)
class DoorPolicyIT {
    @Inject
    @Client("/")
    HttpClient client;

    Api admin;

    @BeforeEach
    void signIn() {
        admin = Api.admin(client);
    }

    private void site(String p) {
        admin.post("/api/v1/sites", Map.of("id", p, "name", p, "timeZone", "Europe/Berlin"), Map.class);
        admin.post("/api/v1/areas", Map.of("id", p + "-lobby", "siteId", p, "name", "Lobby", "kind", "ZONE"), Map.class);
        admin.post("/api/v1/areas", Map.of("id", p + "-cage", "siteId", p, "name", "Cage", "kind", "CAGE",
                "restricted", true), Map.class);
        admin.post("/api/v1/schedules", Map.of("id", p + "-hours", "name", "Hours", "siteId", p, "windows",
                List.of(Map.of("day", "MONDAY", "start", "07:00", "end", "19:00"))), Map.class);
    }

    @Test
    void freeAccessPinAndThreatMarkingRoundTrip() {
        site("DP");
        site("DQ");
        Map<String, Object> door = admin.create("/api/v1/doors", Map.of("id", "DP-door", "name", "Lobby",
                "areaId", "DP-lobby", "kind", "DOOR", "agentId", "agent-1", "secondFactor", "pin",
                "freeAccessScheduleId", "DP-hours", "threatMarked", true));
        assertThat(door).containsEntry("secondFactor", "PIN").containsEntry("freeAccessScheduleId", "DP-hours")
                .containsEntry("threatMarked", true);

        Map<String, Object> update = new HashMap<>(door);
        update.remove("freeAccessScheduleId");
        update.remove("threatMarked");
        update.remove("secondFactor");
        update.put("name", "Lobby main");
        assertThat(admin.put("/api/v1/doors/DP-door", update, Map.class)).as("omitted fields are unchanged")
                .containsEntry("name", "Lobby main").containsEntry("freeAccessScheduleId", "DP-hours")
                .containsEntry("threatMarked", true).containsEntry("secondFactor", "PIN");

        assertThat(admin.fails(() -> admin.delete("/api/v1/schedules/DP-hours")).error().message())
                .contains("gives doors free access");
        Map<String, Object> otherSite = new HashMap<>(update);
        otherSite.put("freeAccessScheduleId", "DQ-hours");
        assertThat(admin.fails(() -> admin.put("/api/v1/doors/DP-door", otherSite, Map.class)).error().message())
                .isEqualTo("freeAccessScheduleId 'DQ-hours' belongs to site 'DQ', not to the door's site 'DP'");
        Map<String, Object> unknown = new HashMap<>(update);
        unknown.put("freeAccessScheduleId", "ghost");
        assertThat(admin.fails(() -> admin.put("/api/v1/doors/DP-door", unknown, Map.class)).error().message())
                .isEqualTo("freeAccessScheduleId 'ghost' does not exist");
        Map<String, Object> intoCage = new HashMap<>(update);
        intoCage.put("areaId", "DP-cage");
        assertThat(admin.fails(() -> admin.put("/api/v1/doors/DP-door", intoCage, Map.class)).error().message())
                .isEqualTo("a door into area 'DP-cage' cannot have free access: the area is restricted");
        Map<String, Object> restrictLobby = new HashMap<>(admin.map("/api/v1/areas/DP-lobby"));
        restrictLobby.put("restricted", true);
        assertThat(admin.fails(() -> admin.put("/api/v1/areas/DP-lobby", restrictLobby, Map.class)).status())
                .isEqualTo(409);

        Map<String, Object> cleared = new HashMap<>(update);
        cleared.put("freeAccessScheduleId", "");
        cleared.put("threatMarked", false);
        assertThat(admin.put("/api/v1/doors/DP-door", cleared, Map.class))
                .containsEntry("freeAccessScheduleId", null).containsEntry("threatMarked", false);
        admin.delete("/api/v1/schedules/DP-hours");

        Api.Failure badFactor = admin.fails(() -> admin.post("/api/v1/doors", Map.of("id", "DP-x", "name", "X",
                "areaId", "DP-lobby", "kind", "DOOR", "secondFactor", "IRIS"), Map.class));
        assertThat(badFactor.error().message()).isEqualTo("secondFactor must be one of NONE, PIN, FINGERPRINT");
        assertThat(admin.create("/api/v1/doors", Map.of("id", "DP-plain", "name", "Plain", "areaId", "DP-lobby",
                "kind", "DOOR"))).containsEntry("secondFactor", "NONE").containsEntry("freeAccessScheduleId", null)
                .containsEntry("threatMarked", false);
    }

    /**
     * Verifies that free access is refused (400) for a door into an area with a two-person rule or anti-passback,
     * that such a rule is refused (409) for an area with a free-access door, and that every change of a door's free
     * access, second factor or threat marking is an OPERATOR event naming the operator.
     */
    @Test
    void freeAccessNeverVoidsAnAreaRuleAndDoorRuleChangesAreRecorded() {
        site("DR");
        admin.post("/api/v1/areas", Map.of("id", "DR-pair", "siteId", "DR", "name", "Pair", "kind", "ROOM",
                "twoPersonWindowSeconds", 20), Map.class);
        admin.post("/api/v1/areas", Map.of("id", "DR-apb", "siteId", "DR", "name", "Passback", "kind", "ROOM",
                "antiPassback", "SOFT"), Map.class);
        for (String[] area : new String[][] {{"DR-pair", "has a two-person rule"}, {"DR-apb", "has SOFT anti-passback"}}) {
            Api.Failure f = admin.fails(() -> admin.post("/api/v1/doors", Map.of("id", "DR-x", "name", "X",
                    "areaId", area[0], "kind", "DOOR", "freeAccessScheduleId", "DR-hours"), Map.class));
            assertThat(f.status()).isEqualTo(400);
            assertThat(f.error().message()).isEqualTo("a door into area '" + area[0]
                    + "' cannot have free access: the area " + area[1]);
        }
        admin.create("/api/v1/doors", Map.of("id", "DR-lobby", "name", "Lobby", "areaId", "DR-lobby", "kind", "DOOR",
                "agentId", "agent-dr", "freeAccessScheduleId", "DR-hours"));
        for (Map<String, Object> rule : List.<Map<String, Object>>of(Map.of("twoPersonWindowSeconds", 20),
                Map.of("antiPassback", "HARD"), Map.of("antiPassback", "TIMED", "passbackReentrySeconds", 60))) {
            Map<String, Object> lobby = new HashMap<>(admin.map("/api/v1/areas/DR-lobby"));
            lobby.remove("passbackReentrySeconds");
            lobby.putAll(rule);
            Api.Failure f = admin.fails(() -> admin.put("/api/v1/areas/DR-lobby", lobby, Map.class));
            assertThat(f.status()).as("%s", rule).isEqualTo(409);
            assertThat(f.error().message()).contains("free-access doors");
        }

        Api second = admin.newOperator(client, "dr-admin", "ADMIN");
        Map<String, Object> door = new HashMap<>(admin.map("/api/v1/doors/DR-lobby"));
        door.put("threatMarked", true);
        door.put("secondFactor", "PIN");
        door.put("freeAccessScheduleId", "");
        second.put("/api/v1/doors/DR-lobby", door, Map.class);
        List<Map<String, Object>> recorded = doorEvents("DR-lobby");
        assertThat(recorded).hasSize(2);
        assertThat((String) recorded.get(0).get("reasonText")).startsWith("admin: ").contains("(new)")
                .contains("free access none -> DR-hours");
        assertThat((String) recorded.get(1).get("reasonText")).startsWith("dr-admin: ")
                .contains("second factor NONE -> PIN").contains("free access DR-hours -> none")
                .contains("threat-marked false -> true");
        door.put("name", "Lobby renamed");
        second.put("/api/v1/doors/DR-lobby", door, Map.class);
        assertThat(doorEvents("DR-lobby")).as("a rename is no rule change").hasSize(2);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> doorEvents(String doorId) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) admin.map("/api/v1/events?size=500").get("items");
        List<Map<String, Object>> out = new java.util.ArrayList<>(items.stream()
                .filter(e -> "OPERATOR".equals(e.get("kind")) && "DOOR_RULES".equals(e.get("reason"))
                        && doorId.equals(e.get("doorId")))
                .toList());
        java.util.Collections.reverse(out); // the API lists newest first
        return out;
    }
}
