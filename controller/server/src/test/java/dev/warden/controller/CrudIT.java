package dev.warden.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Verifies create/read/update/delete of every resource, input validation (400), 404 and 409, over real HTTP. */
@MicronautTest(transactional = false)
class CrudIT {
    @Inject
    @Client("/")
    HttpClient client;

    Api admin;

    @BeforeEach
    void signIn() {
        admin = Api.admin(client);
    }

    /** A site, an area and a door under a unique prefix. */
    private String siteWithDoor(String p) {
        admin.post("/api/v1/sites", Map.of("id", p + "-site", "name", "Site " + p, "timeZone", "Europe/Berlin"), Map.class);
        admin.post("/api/v1/areas", Map.of("id", p + "-hall", "siteId", p + "-site", "name", "Hall", "kind", "HALL"), Map.class);
        admin.post("/api/v1/doors", Map.of("id", p + "-door", "name", "Door", "areaId", p + "-hall", "kind", "DOOR",
                "readerInId", p + "-rdr-in", "readerOutId", p + "-rdr-out", "unlockMs", 4000), Map.class);
        return p;
    }

    @Test
    void siteRoundTrip() {
        Map<String, Object> created = admin.create("/api/v1/sites",
                Map.of("id", "S1", "name", "Site one", "timeZone", "Europe/Berlin"));
        assertThat(created).containsEntry("id", "S1").containsEntry("timeZone", "Europe/Berlin");
        assertThat(admin.map("/api/v1/sites/S1")).containsEntry("name", "Site one");

        admin.put("/api/v1/sites/S1", Map.of("name", "Site 1", "timeZone", "America/New_York"), Map.class);
        assertThat(admin.map("/api/v1/sites/S1")).containsEntry("name", "Site 1")
                .containsEntry("timeZone", "America/New_York");
        assertThat(admin.list("/api/v1/sites")).extracting(m -> m.get("id")).contains("S1");

        admin.delete("/api/v1/sites/S1");
        assertThat(admin.fails(() -> admin.map("/api/v1/sites/S1")).status()).isEqualTo(404);
    }

    @Test
    void siteValidationAndConflicts() {
        Api.Failure badId = admin.fails(() -> admin.post("/api/v1/sites",
                Map.of("id", "bad id!", "name", "x", "timeZone", "UTC"), Map.class));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.error().error()).isEqualTo("INVALID_INPUT");
        assertThat(badId.error().message()).contains("id must match");

        Api.Failure badZone = admin.fails(() -> admin.post("/api/v1/sites",
                Map.of("id", "S2", "name", "x", "timeZone", "Mars/Olympus"), Map.class));
        assertThat(badZone.error().message()).contains("time zone");

        Api.Failure noName = admin.fails(() -> admin.post("/api/v1/sites", Map.of("id", "S2", "timeZone", "UTC"), Map.class));
        assertThat(noName.error().message()).isEqualTo("name is required");

        admin.post("/api/v1/sites", Map.of("id", "S2", "name", "x", "timeZone", "UTC"), Map.class);
        Api.Failure dup = admin.fails(() -> admin.post("/api/v1/sites",
                Map.of("id", "S2", "name", "y", "timeZone", "UTC"), Map.class));
        assertThat(dup.status()).isEqualTo(409);

        admin.post("/api/v1/areas", Map.of("id", "S2-a", "siteId", "S2", "name", "A", "kind", "BUILDING"), Map.class);
        assertThat(admin.fails(() -> admin.delete("/api/v1/sites/S2")).status()).isEqualTo(409);
        assertThat(admin.fails(() -> admin.put("/api/v1/sites/nope", Map.of("name", "x", "timeZone", "UTC"), Map.class))
                .status()).isEqualTo(404);
    }

    @Test
    void malformedJsonIs400WithTheSameErrorShape() {
        Api.Failure f = admin.fails(() -> client.toBlocking().exchange(HttpRequest.POST("/api/v1/sites", "{not json")
                .contentType(MediaType.APPLICATION_JSON).bearerAuth(admin.token())));
        assertThat(f.status()).isEqualTo(400);
        assertThat(f.error()).isNotNull();
        assertThat(f.error().error()).isEqualTo("INVALID_INPUT");
    }

    @Test
    void areaTreeRules() {
        admin.post("/api/v1/sites", Map.of("id", "T1", "name", "x", "timeZone", "UTC"), Map.class);
        admin.post("/api/v1/sites", Map.of("id", "T2", "name", "y", "timeZone", "UTC"), Map.class);
        admin.post("/api/v1/areas", Map.of("id", "T1-b", "siteId", "T1", "name", "B", "kind", "BUILDING"), Map.class);
        admin.post("/api/v1/areas", Map.of("id", "T1-h", "siteId", "T1", "parentId", "T1-b", "name", "H", "kind", "HALL"), Map.class);
        admin.post("/api/v1/areas", Map.of("id", "T1-c", "siteId", "T1", "parentId", "T1-h", "name", "C", "kind", "CAGE"), Map.class);

        assertThat(admin.list("/api/v1/areas?siteId=T1")).extracting(m -> m.get("id"))
                .containsExactly("T1-b", "T1-c", "T1-h");
        Api.Failure cycle = admin.fails(() -> admin.put("/api/v1/areas/T1-b",
                Map.of("siteId", "T1", "parentId", "T1-c", "name", "B", "kind", "BUILDING"), Map.class));
        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.error().message()).contains("ancestor");
        Api.Failure otherSite = admin.fails(() -> admin.post("/api/v1/areas",
                Map.of("id", "T2-x", "siteId", "T2", "parentId", "T1-b", "name", "X", "kind", "ROOM"), Map.class));
        assertThat(otherSite.error().message()).contains("belongs to site");
        Api.Failure badKind = admin.fails(() -> admin.post("/api/v1/areas",
                Map.of("id", "T1-z", "siteId", "T1", "name", "Z", "kind", "CASTLE"), Map.class));
        assertThat(badKind.error().message()).contains("kind must be one of");
        assertThat(admin.fails(() -> admin.delete("/api/v1/areas/T1-h")).status()).isEqualTo(409);
        admin.delete("/api/v1/areas/T1-c");
    }

    @Test
    void doorRoundTripWithLiveStateAndReaderUniqueness() {
        siteWithDoor("D1");
        Map<String, Object> door = admin.map("/api/v1/doors/D1-door");
        assertThat(door).containsEntry("kind", "DOOR").containsEntry("state", "UNKNOWN")
                .containsEntry("agentOnline", false).containsEntry("lastChange", null)
                .containsEntry("readerInId", "D1-rdr-in").containsEntry("unlockMs", 4000);

        Map<String, Object> update = new HashMap<>(door);
        update.put("name", "Renamed door");
        update.put("kind", "GATE");
        update.put("agentId", "agent-x");
        admin.put("/api/v1/doors/D1-door", update, Map.class);
        assertThat(admin.map("/api/v1/doors/D1-door")).containsEntry("name", "Renamed door")
                .containsEntry("kind", "GATE").containsEntry("agentId", "agent-x");

        Api.Failure taken = admin.fails(() -> admin.post("/api/v1/doors", Map.of("id", "D1-door2", "name", "Door 2",
                "areaId", "D1-hall", "kind", "DOOR", "readerInId", "D1-rdr-out"), Map.class));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.error().message()).contains("already serves door 'D1-door'");

        Api.Failure badUnlock = admin.fails(() -> admin.post("/api/v1/doors", Map.of("id", "D1-door3", "name", "D3",
                "areaId", "D1-hall", "kind", "DOOR", "unlockMs", 10), Map.class));
        assertThat(badUnlock.error().message()).contains("unlockMs");
        Api.Failure noArea = admin.fails(() -> admin.post("/api/v1/doors", Map.of("id", "D1-door4", "name", "D4",
                "areaId", "nowhere", "kind", "DOOR"), Map.class));
        assertThat(noArea.error().message()).contains("areaId 'nowhere' does not exist");

        admin.delete("/api/v1/doors/D1-door");
        assertThat(admin.fails(() -> admin.map("/api/v1/doors/D1-door")).status()).isEqualTo(404);
    }

    @Test
    void peopleAndCredentialsRoundTrip() {
        admin.post("/api/v1/people", Map.of("id", "P1", "displayName", "Pat One", "kind", "CONTRACTOR"), Map.class);
        assertThat(admin.map("/api/v1/people/P1")).containsEntry("status", "ACTIVE").containsEntry("kind", "CONTRACTOR");
        admin.put("/api/v1/people/P1", Map.of("displayName", "Pat One", "kind", "CONTRACTOR", "status", "SUSPENDED"), Map.class);
        assertThat(admin.map("/api/v1/people/P1")).containsEntry("status", "SUSPENDED");

        Map<String, Object> cred = admin.create("/api/v1/credentials", Map.of("id", "C1", "format", "H10301", "facility", 12,
                "number", 4567, "personId", "P1", "validFrom", "2026-01-01T00:00:00Z", "validUntil", "2027-01-01T00:00:00Z"));
        assertThat(cred).containsEntry("status", "ACTIVE").containsEntry("validFrom", "2026-01-01T00:00:00Z");
        assertThat(admin.list("/api/v1/credentials?personId=P1")).hasSize(1);

        Api.Failure dupCard = admin.fails(() -> admin.post("/api/v1/credentials", Map.of("id", "C2", "format", "H10301",
                "facility", 12, "number", 4567, "personId", "P1"), Map.class));
        assertThat(dupCard.status()).isEqualTo(409);
        assertThat(dupCard.error().message()).contains("already belongs to credential 'C1'");
        Api.Failure range = admin.fails(() -> admin.post("/api/v1/credentials", Map.of("id", "C3", "format", "H10301",
                "facility", 300, "number", 1, "personId", "P1"), Map.class));
        assertThat(range.error().message()).contains("H10301 cards have facility 0..255");
        Api.Failure order = admin.fails(() -> admin.post("/api/v1/credentials", Map.of("id", "C4", "format", "H10301",
                "facility", 1, "number", 1, "personId", "P1", "validFrom", "2027-01-01T00:00:00Z",
                "validUntil", "2026-01-01T00:00:00Z"), Map.class));
        assertThat(order.error().message()).contains("validUntil must not be before validFrom");
        Api.Failure noPerson = admin.fails(() -> admin.post("/api/v1/credentials", Map.of("id", "C5", "format", "H10301",
                "facility", 1, "number", 2, "personId", "ghost"), Map.class));
        assertThat(noPerson.error().message()).contains("personId 'ghost' does not exist");
        Api.Failure badStatus = admin.fails(() -> admin.put("/api/v1/credentials/C1", Map.of("format", "H10301",
                "facility", 12, "number", 4567, "personId", "P1", "status", "MISLAID"), Map.class));
        assertThat(badStatus.error().message()).contains("status must be one of ACTIVE");

        admin.put("/api/v1/credentials/C1", Map.of("format", "H10301", "facility", 12, "number", 4567,
                "personId", "P1", "status", "LOST"), Map.class);
        assertThat(admin.map("/api/v1/credentials/C1")).containsEntry("status", "LOST").containsEntry("validFrom", null);

        Api.Failure stillHolds = admin.fails(() -> admin.delete("/api/v1/people/P1"));
        assertThat(stillHolds.status()).isEqualTo(409);
        admin.delete("/api/v1/credentials/C1");
        admin.delete("/api/v1/people/P1");
    }

    @Test
    void schedulesLevelsAndAssignmentsRoundTrip() {
        siteWithDoor("L1");
        Map<String, Object> schedule = admin.create("/api/v1/schedules", Map.of("id", "L1-bh", "name", "Business hours",
                "siteId", "L1-site", "windows", List.of(
                        Map.of("day", "MONDAY", "start", "07:00", "end", "19:00"),
                        Map.of("day", "sunday", "start", "22:00", "end", "24:00"))));
        assertThat(schedule).containsEntry("timeZone", "Europe/Berlin");
        assertThat(admin.map("/api/v1/schedules/L1-bh").get("windows")).isEqualTo(List.of(
                Map.of("day", "MONDAY", "start", "07:00", "end", "19:00"),
                Map.of("day", "SUNDAY", "start", "22:00", "end", "24:00")));

        Api.Failure crossing = admin.fails(() -> admin.put("/api/v1/schedules/L1-bh", Map.of("name", "x",
                "siteId", "L1-site", "windows", List.of(Map.of("day", "MONDAY", "start", "22:00", "end", "06:00"))), Map.class));
        assertThat(crossing.error().message()).contains("windows[0].end must be after start");
        Api.Failure badTime = admin.fails(() -> admin.put("/api/v1/schedules/L1-bh", Map.of("name", "x",
                "siteId", "L1-site", "windows", List.of(Map.of("day", "MONDAY", "start", "7am", "end", "19:00"))), Map.class));
        assertThat(badTime.error().message()).contains("windows[0].start must be HH:mm");

        admin.post("/api/v1/access-levels", Map.of("id", "L1-lvl", "name", "Hall", "scheduleId", "L1-bh",
                "doorIds", List.of("L1-door")), Map.class);
        assertThat(admin.map("/api/v1/access-levels/L1-lvl")).containsEntry("doorIds", List.of("L1-door"));
        Api.Failure unknownDoor = admin.fails(() -> admin.put("/api/v1/access-levels/L1-lvl", Map.of("name", "Hall",
                "scheduleId", "L1-bh", "doorIds", List.of("L1-door", "ghost-door")), Map.class));
        assertThat(unknownDoor.error().message()).contains("door 'ghost-door' does not exist");

        admin.post("/api/v1/people", Map.of("id", "L1-p", "displayName", "Lee", "kind", "EMPLOYEE"), Map.class);
        Map<String, Object> assignment = admin.create("/api/v1/assignments", Map.of("personId", "L1-p", "accessLevelId", "L1-lvl"));
        Number id = (Number) assignment.get("id");
        assertThat(id).isNotNull();
        assertThat(admin.list("/api/v1/assignments?personId=L1-p")).hasSize(1);
        Api.Failure twice = admin.fails(() -> admin.post("/api/v1/assignments",
                Map.of("personId", "L1-p", "accessLevelId", "L1-lvl"), Map.class));
        assertThat(twice.status()).isEqualTo(409);
        admin.put("/api/v1/assignments/" + id, Map.of("personId", "L1-p", "accessLevelId", "L1-lvl",
                "validUntil", "2030-01-01T00:00:00Z"), Map.class);
        assertThat(admin.map("/api/v1/assignments/" + id)).containsEntry("validUntil", "2030-01-01T00:00:00Z");

        assertThat(admin.fails(() -> admin.delete("/api/v1/access-levels/L1-lvl")).status()).isEqualTo(409);
        assertThat(admin.fails(() -> admin.delete("/api/v1/schedules/L1-bh")).status()).isEqualTo(409);
        admin.delete("/api/v1/assignments/" + id);
        admin.delete("/api/v1/access-levels/L1-lvl");
        admin.delete("/api/v1/schedules/L1-bh");
        assertThat(admin.fails(() -> admin.map("/api/v1/assignments/" + id)).status()).isEqualTo(404);
    }

    @Test
    void aDoorsSecondFactorDefaultsToNoneAndSurvivesAnUpdateThatOmitsIt() {
        siteWithDoor("SF");
        Map<String, Object> door = admin.map("/api/v1/doors/SF-door");
        assertThat(door).containsEntry("secondFactor", "NONE");

        Map<String, Object> update = new HashMap<>(door);
        update.put("secondFactor", "fingerprint");
        assertThat(admin.put("/api/v1/doors/SF-door", update, Map.class)).containsEntry("secondFactor", "FINGERPRINT");
        update.remove("secondFactor");
        update.put("name", "Cage door");
        admin.put("/api/v1/doors/SF-door", update, Map.class);
        assertThat(admin.map("/api/v1/doors/SF-door")).as("a client that does not know the field keeps it")
                .containsEntry("name", "Cage door").containsEntry("secondFactor", "FINGERPRINT");

        update.put("secondFactor", "IRIS");
        Api.Failure bad = admin.fails(() -> admin.put("/api/v1/doors/SF-door", update, Map.class));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error().message()).contains("secondFactor must be one of NONE, PIN, FINGERPRINT");
        assertThat(admin.create("/api/v1/doors", Map.of("id", "SF-door2", "name", "D2", "areaId", "SF-hall",
                "kind", "DOOR", "secondFactor", "FINGERPRINT"))).containsEntry("secondFactor", "FINGERPRINT");
    }

    @Test
    void fingerprintsRoundTripWithValidationConflictsAndRevocation() {
        admin.post("/api/v1/people", Map.of("id", "FP-p", "displayName", "Finn Print", "kind", "EMPLOYEE"), Map.class);
        admin.post("/api/v1/people", Map.of("id", "FP-q", "displayName", "Quinn", "kind", "EMPLOYEE"), Map.class);

        Map<String, Object> created = admin.create("/api/v1/fingerprints",
                Map.of("id", "FP-1", "personId", "FP-p", "moduleId", "fp-cage", "pageId", 0));
        assertThat(created).containsEntry("status", "ACTIVE").containsEntry("pageId", 0)
                .containsEntry("moduleId", "fp-cage");
        assertThat(created.get("enrolledAt")).isNotNull();
        admin.create("/api/v1/fingerprints", Map.of("id", "FP-2", "personId", "FP-p", "moduleId", "fp-cage",
                "pageId", 65535, "status", "SUSPENDED"));
        admin.create("/api/v1/fingerprints", Map.of("id", "FP-3", "personId", "FP-q", "moduleId", "fp-other",
                "pageId", 0));
        assertThat(admin.list("/api/v1/fingerprints?personId=FP-p")).extracting(m -> m.get("id"))
                .containsExactly("FP-1", "FP-2");
        assertThat(admin.map("/api/v1/fingerprints/FP-3")).containsEntry("personId", "FP-q");

        Api.Failure samePage = admin.fails(() -> admin.post("/api/v1/fingerprints",
                Map.of("id", "FP-4", "personId", "FP-q", "moduleId", "fp-cage", "pageId", 0), Map.class));
        assertThat(samePage.status()).isEqualTo(409);
        assertThat(samePage.error().message()).contains("already holds fingerprint 'FP-1'");
        Api.Failure sameId = admin.fails(() -> admin.post("/api/v1/fingerprints",
                Map.of("id", "FP-1", "personId", "FP-q", "moduleId", "fp-cage", "pageId", 7), Map.class));
        assertThat(sameId.status()).isEqualTo(409);
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("id", "FP-5", "personId", "FP-q", "moduleId", "fp-cage", "pageId", 65536),
                Map.of("id", "FP-5", "personId", "FP-q", "moduleId", "fp-cage", "pageId", -1),
                Map.of("id", "FP-5", "personId", "FP-q", "moduleId", "fp-cage"),
                Map.of("id", "FP-5", "personId", "FP-q", "moduleId", "fp cage", "pageId", 5),
                Map.of("id", "FP-5", "personId", "ghost", "moduleId", "fp-cage", "pageId", 5),
                Map.of("id", "FP-5", "personId", "FP-q", "moduleId", "fp-cage", "pageId", 5, "status", "LOST"),
                Map.of("id", "bad id", "personId", "FP-q", "moduleId", "fp-cage", "pageId", 5))) {
            Api.Failure f = admin.fails(() -> admin.post("/api/v1/fingerprints", bad, Map.class));
            assertThat(f.status()).as("%s", bad).isEqualTo(400);
            assertThat(f.error().error()).isEqualTo("INVALID_INPUT");
        }

        Map<String, Object> moved = admin.put("/api/v1/fingerprints/FP-3",
                Map.of("personId", "FP-q", "moduleId", "fp-cage", "pageId", 12), Map.class);
        assertThat(moved).containsEntry("pageId", 12).containsEntry("status", "ACTIVE");
        assertThat(admin.action("/api/v1/fingerprints/FP-1/revoke")).containsEntry("status", "REVOKED")
                .containsEntry("enrolledAt", created.get("enrolledAt"));
        assertThat(admin.action("/api/v1/fingerprints/FP-1/revoke")).as("revoking twice is harmless")
                .containsEntry("status", "REVOKED");
        assertThat(admin.fails(() -> admin.action("/api/v1/fingerprints/ghost/revoke")).status()).isEqualTo(404);

        Api.Failure stillHolds = admin.fails(() -> admin.delete("/api/v1/people/FP-q"));
        assertThat(stillHolds.status()).isEqualTo(409);
        assertThat(stillHolds.error().message()).contains("fingerprints");
        admin.delete("/api/v1/fingerprints/FP-3");
        assertThat(admin.fails(() -> admin.map("/api/v1/fingerprints/FP-3")).status()).isEqualTo(404);
        admin.delete("/api/v1/people/FP-q");
    }

    @Test
    void fingerprintsAreReadByAnyOperatorAndWrittenByAdminOrHrOnly() {
        admin.post("/api/v1/people", Map.of("id", "FR-p", "displayName", "Rory", "kind", "EMPLOYEE"), Map.class);
        Api hr = admin.newOperator(client, "fp-hr", "HR");
        Api guard = admin.newOperator(client, "fp-guard", "GUARD");
        hr.create("/api/v1/fingerprints", Map.of("id", "FR-1", "personId", "FR-p", "moduleId", "fp-r", "pageId", 1));
        assertThat(guard.list("/api/v1/fingerprints?personId=FR-p")).hasSize(1);
        assertThat(guard.fails(() -> guard.post("/api/v1/fingerprints",
                Map.of("id", "FR-2", "personId", "FR-p", "moduleId", "fp-r", "pageId", 2), Map.class)).status())
                .isEqualTo(403);
        assertThat(guard.fails(() -> guard.action("/api/v1/fingerprints/FR-1/revoke")).status()).isEqualTo(403);
        assertThat(guard.fails(() -> guard.delete("/api/v1/fingerprints/FR-1")).status()).isEqualTo(403);
        assertThat(hr.action("/api/v1/fingerprints/FR-1/revoke")).containsEntry("status", "REVOKED");
        hr.delete("/api/v1/fingerprints/FR-1");
    }
}
