package dev.warden.controller.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.controller.Api;
import dev.warden.policy.AccessPolicy;
import dev.warden.policy.AccessRequest;
import dev.warden.policy.AccessSnapshot;
import dev.warden.policy.CardKey;
import dev.warden.policy.Decision;
import dev.warden.policy.DoorId;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Verifies that the access index fails closed: a door whose site or area cannot be built (a row written behind the
 * API's back, as a restore or a manual edit could: an unknown time zone, a cycle of parents) is left out, so reads there are denied UNKNOWN_DOOR instead of
 * granted without the lockdown; the skipped rows are counted; V10's CHECKs refuse the inconsistent rows the review
 * found (TIMED without re-entry, unknown enum names, a PIN hash without salt); a visit whose host is suspended stops
 * granting (NO_ACTIVE_VISIT) and grants again when the host is reinstated; and swap listeners hear every version.
 */
@MicronautTest(transactional = false)
class AccessIndexFailClosedIT {
    static final CardKey EMPLOYEE_CARD = new CardKey("H10301", 44, 501);
    static final CardKey VISITOR_CARD = new CardKey("H10301", 44, 502);

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    AccessIndex index;

    @Inject
    DataSource dataSource;

    @Inject
    DataSourceResolver dataSources;

    private final AccessPolicy policy = new AccessPolicy();

    private void act(Api as, String path, Object body) {
        client.toBlocking().retrieve(HttpRequest.POST(path, body).bearerAuth(as.token()),
                Argument.mapOf(String.class, Object.class));
    }

    private int sql(String statement) throws SQLException {
        try (var c = dataSources.resolve(dataSource).getConnection(); var st = c.prepareStatement(statement)) {
            return st.executeUpdate();
        }
    }

    private Decision decide(CardKey card) {
        AccessSnapshot snapshot = index.rebuildAndWait(Duration.ofSeconds(10)).snapshot();
        return policy.decide(new AccessRequest(card, new DoorId("FC-door"), Instant.now()), snapshot);
    }

    @Test
    void unusableRowsDenyAndInconsistentRowsCannotBeStored() throws Exception {
        Api admin = Api.admin(client);
        Api supervisor = admin.newOperator(client, "fc-super", "SUPERVISOR");
        Api hr = admin.newOperator(client, "fc-hr", "HR");
        List<AccessSnapshot> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        index.onSwap(v -> heard.add(v.snapshot()));

        admin.post("/api/v1/sites", Map.of("id", "FC", "name", "FC", "timeZone", "Europe/Berlin"), Map.class);
        admin.post("/api/v1/areas", Map.of("id", "FC-b", "siteId", "FC", "name", "Building", "kind", "BUILDING"),
                Map.class);
        admin.post("/api/v1/areas", Map.of("id", "FC-h", "siteId", "FC", "parentId", "FC-b", "name", "Hall",
                "kind", "HALL"), Map.class);
        List<Map<String, Object>> windows = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            windows.add(Map.of("day", day.name(), "start", "00:00", "end", "24:00"));
        }
        admin.post("/api/v1/schedules", Map.of("id", "FC-always", "name", "Always", "siteId", "FC", "windows",
                windows), Map.class);
        admin.post("/api/v1/doors", Map.of("id", "FC-door", "name", "Hall door", "areaId", "FC-h", "kind", "DOOR"),
                Map.class);
        admin.post("/api/v1/access-levels", Map.of("id", "FC-lvl", "name", "Hall", "scheduleId", "FC-always",
                "doorIds", List.of("FC-door")), Map.class);
        admin.post("/api/v1/people", Map.of("id", "FC-emp", "displayName", "Em", "kind", "EMPLOYEE"), Map.class);
        admin.post("/api/v1/people", Map.of("id", "FC-vis", "displayName", "Vi", "kind", "VISITOR"), Map.class);
        admin.post("/api/v1/credentials", Map.of("id", "FC-c1", "format", "H10301", "facility", 44, "number", 501,
                "personId", "FC-emp", "status", "ACTIVE"), Map.class);
        admin.post("/api/v1/credentials", Map.of("id", "FC-c2", "format", "H10301", "facility", 44, "number", 502,
                "personId", "FC-vis", "status", "ACTIVE"), Map.class);
        admin.post("/api/v1/assignments", Map.of("personId", "FC-emp", "accessLevelId", "FC-lvl"), Map.class);
        Instant now = Instant.now();
        String visit = (String) admin.create("/api/v1/visits", Map.of("visitorId", "FC-vis", "hostId", "FC-emp",
                "validFrom", now.minus(Duration.ofHours(1)).toString(),
                "validUntil", now.plus(Duration.ofHours(4)).toString(), "areaIds", List.of("FC-b"))).get("id");
        act(supervisor, "/api/v1/visits/" + visit + "/approve", Map.of());

        assertThat(decide(EMPLOYEE_CARD)).isInstanceOf(Decision.Granted.class);
        assertThat(decide(VISITOR_CARD)).isInstanceOf(Decision.Granted.class);
        assertThat(heard).as("swap listeners hear every new version").isNotEmpty();

        // M4: the host is suspended: the visit stops granting at once, and grants again when reinstated
        hr.put("/api/v1/people/FC-emp", Map.of("displayName", "Em", "kind", "EMPLOYEE", "status", "SUSPENDED"),
                Map.class);
        assertThat(decide(VISITOR_CARD).reasonCode()).isEqualTo("NO_ACTIVE_VISIT");
        hr.put("/api/v1/people/FC-emp", Map.of("displayName", "Em", "kind", "EMPLOYEE", "status", "TERMINATED"),
                Map.class);
        assertThat(decide(VISITOR_CARD).reasonCode()).isEqualTo("NO_ACTIVE_VISIT");
        hr.put("/api/v1/people/FC-emp", Map.of("displayName", "Em", "kind", "EMPLOYEE", "status", "ACTIVE"),
                Map.class);
        assertThat(decide(VISITOR_CARD)).isInstanceOf(Decision.Granted.class);

        // V10: the rows the review found possible cannot be stored
        for (String bad : List.of(
                "UPDATE area SET anti_passback = 'TIMED', passback_reentry_s = NULL WHERE id = 'FC-h'",
                "UPDATE area SET anti_passback = 'NONE', passback_reentry_s = 30 WHERE id = 'FC-h'",
                "UPDATE area SET anti_passback = 'STRICT' WHERE id = 'FC-h'",
                "UPDATE site SET threat_level = 'PURPLE' WHERE id = 'FC'",
                "UPDATE door SET second_factor = 'RETINA' WHERE id = 'FC-door'",
                "UPDATE door SET kind = 'HATCH' WHERE id = 'FC-door'",
                "UPDATE person SET status = 'RETIRED' WHERE id = 'FC-emp'",
                "UPDATE person SET pin_hash = 'ab', pin_salt = NULL WHERE id = 'FC-emp'",
                "UPDATE visit SET status = 'PENDING' WHERE id = '" + visit + "'")) {
            assertThatThrownBy(() -> sql(bad)).as(bad).isInstanceOf(SQLException.class);
        }

        // H2: the hall is locked down; then its site becomes unusable (a zone this JVM does not know)
        act(supervisor, "/api/v1/areas/FC-h/lockdown", Map.of("reason", "test"));
        assertThat(decide(EMPLOYEE_CARD).reasonCode()).isEqualTo("LOCKDOWN");
        long skippedBefore = index.unusableRows();
        assertThat(sql("UPDATE site SET time_zone = 'Mars/Olympus_Mons' WHERE id = 'FC'")).isEqualTo(1);
        Decision afterCorruption = decide(EMPLOYEE_CARD);
        assertThat(afterCorruption).as("never granted through the lockdown it can no longer see")
                .isInstanceOf(Decision.Denied.class);
        assertThat(afterCorruption.reasonCode()).isEqualTo("UNKNOWN_DOOR");
        assertThat(decide(VISITOR_CARD).reasonCode()).isEqualTo("UNKNOWN_DOOR");
        assertThat(index.current().snapshot().door(new DoorId("FC-door"))).isEmpty();
        assertThat(index.unusableRows()).as("the site, its areas and the door are counted")
                .isGreaterThanOrEqualTo(skippedBefore + 4);

        // repaired: the door is back, still under its lockdown
        assertThat(sql("UPDATE site SET time_zone = 'Europe/Berlin' WHERE id = 'FC'")).isEqualTo(1);
        assertThat(decide(EMPLOYEE_CARD).reasonCode()).isEqualTo("LOCKDOWN");

        // an unusable area (the building made a child of its own hall: a cycle) takes its door with it
        act(supervisor, "/api/v1/areas/FC-h/lockdown/lift", Map.of("reason", "test"));
        assertThat(decide(EMPLOYEE_CARD)).isInstanceOf(Decision.Granted.class);
        assertThat(sql("UPDATE area SET parent_id = 'FC-h' WHERE id = 'FC-b'")).isEqualTo(1);
        assertThat(decide(EMPLOYEE_CARD).reasonCode()).as("unusable area: its door denies")
                .isEqualTo("UNKNOWN_DOOR");
        assertThat(sql("UPDATE area SET parent_id = NULL WHERE id = 'FC-b'")).isEqualTo(1);
        assertThat(decide(EMPLOYEE_CARD)).isInstanceOf(Decision.Granted.class);
    }
}
