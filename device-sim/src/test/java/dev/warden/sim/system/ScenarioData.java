package dev.warden.sim.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.sim.config.CardSpec;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The site data a scenario needs, created through the controller's REST API as the demo's admin (the demo site
 * provides the doors, areas and devices): people with cards, an always-open access level, PINs, visits, and rule
 * changes on existing doors and areas. Card numbers 3000..3999 of facility 12 are the scenarios' own.
 */
final class ScenarioData {

    static final long FACILITY = 12;

    private final DemoSiteRunner site;

    ScenarioData(DemoSiteRunner site) {
        this.site = site;
    }

    /** A schedule open all week, all day. */
    void alwaysOpenSchedule(String id) throws Exception {
        List<Map<String, Object>> windows = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            windows.add(Map.of("day", day.name(), "start", "00:00", "end", "24:00"));
        }
        site.write("POST", "/api/v1/schedules", Map.of("id", id, "name", "Scenario: always", "siteId", "DC1", "windows", windows));
    }

    void accessLevel(String id, String scheduleId, List<String> doorIds) throws Exception {
        site.write("POST", "/api/v1/access-levels", Map.of("id", id, "name", "Scenario level " + id, "scheduleId", scheduleId, "doorIds", doorIds));
    }

    /** A person with one ACTIVE card (facility 12, {@code number}); the card's label is the person id. */
    CardSpec person(String id, String kind, boolean mayEscort, long number) throws Exception {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("id", id);
        person.put("displayName", "Scenario " + id);
        person.put("kind", kind);
        person.put("status", "ACTIVE");
        person.put("mayEscort", mayEscort);
        site.write("POST", "/api/v1/people", person);
        site.write("POST", "/api/v1/credentials", Map.of("id", "c-" + id, "format", "H10301", "facility", FACILITY,
                "number", number, "personId", id, "status", "ACTIVE"));
        return new CardSpec("H10301", FACILITY, number, id);
    }

    void assign(String personId, String levelId) throws Exception {
        site.write("POST", "/api/v1/assignments", Map.of("personId", personId, "accessLevelId", levelId));
    }

    /** Records a finger of the person enrolled at {@code pageId} of a fingerprint module. */
    void fingerprint(String personId, String moduleId, int pageId) throws Exception {
        site.write("POST", "/api/v1/fingerprints", Map.of("id", "f-" + personId, "personId", personId, "moduleId", moduleId,
                "pageId", pageId, "status", "ACTIVE"));
    }

    void pins(String personId, String pin, String duressPin) throws Exception {
        site.write("PUT", "/api/v1/people/" + personId + "/pin", Map.of("pin", pin, "duressPin", duressPin));
    }

    /** Changes fields of an existing door (read, change, write back; the other fields stay). */
    void changeDoor(String doorId, Map<String, Object> fields) throws Exception {
        change("/api/v1/doors/" + doorId, fields);
    }

    /** Changes fields of an existing area. */
    void changeArea(String areaId, Map<String, Object> fields) throws Exception {
        change("/api/v1/areas/" + areaId, fields);
    }

    /**
     * Waits until the controller decides with everything written so far: the access index rebuilds asynchronously
     * after each commit, in order, so once a rebuild that follows one more write (a marker schedule) is in, every
     * earlier write is too. Call it after the set-up, before the first read.
     */
    void awaitDecisionsSeeAllWrites() throws Exception {
        dev.warden.controller.decision.AccessIndex index =
                site.controller.getApplicationContext().getBean(dev.warden.controller.decision.AccessIndex.class);
        long before = index.current().snapshot().version();
        alwaysOpenSchedule("sc-index-marker-" + before);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> index.current().snapshot().version() > before);
    }

    private void change(String path, Map<String, Object> fields) throws Exception {
        ObjectNode node = (ObjectNode) site.get(path);
        fields.forEach((k, v) -> node.set(k, new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(v)));
        site.write("PUT", path, node);
    }

    /**
     * A visit of {@code visitorId} hosted by {@code hostId} to {@code areaIds} from an hour ago for two hours,
     * requested by the admin and approved by the supervisor (never the same operator).
     */
    String approvedVisit(String visitorId, String hostId, List<String> areaIds) throws Exception {
        Instant now = Instant.now();
        JsonNode visit = site.write("POST", "/api/v1/visits", Map.of("visitorId", visitorId, "hostId", hostId,
                "validFrom", now.minusSeconds(3600).toString(), "validUntil", now.plusSeconds(7200).toString(),
                "areaIds", areaIds, "purpose", "scenario test"));
        String id = visit.get("id").asText();
        String supervisor = site.signIn("supervisor");
        DemoSiteRunner.Answer approved = site.send("POST", "/api/v1/visits/" + id + "/approve", Map.of("reason", "scenario"), supervisor);
        if (approved.status() != 200) {
            throw new IllegalStateException("visit " + id + " not approved: " + approved.status() + " " + approved.body());
        }
        return id;
    }
}
