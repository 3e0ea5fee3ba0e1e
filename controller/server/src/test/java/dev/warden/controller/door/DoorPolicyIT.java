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
                .isEqualTo("a door into restricted area 'DP-cage' cannot have free access");
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
}
