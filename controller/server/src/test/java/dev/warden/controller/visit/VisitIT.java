package dev.warden.controller.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.controller.Api;
import dev.warden.controller.decision.AccessIndex;
import dev.warden.policy.PersonId;
import dev.warden.policy.Visit;
import dev.warden.policy.VisitStatus;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verifies visits over real HTTP: validation of visitor, host, window and areas; segregation of duties (a visit is
 * approved only by a SUPERVISOR or ADMIN who did not request it: 403 with a clear message); the status transitions
 * (409 otherwise); approvals recorded as OPERATOR events; approved visits reaching the access index.
 */
@MicronautTest(transactional = false)
class VisitIT {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    AccessIndex index;

    Api admin;
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void signIn() {
        admin = Api.admin(client);
    }

    private void people(String p) {
        admin.post("/api/v1/sites", Map.of("id", p, "name", p, "timeZone", "Europe/Berlin"), Map.class);
        admin.post("/api/v1/areas", Map.of("id", p + "-lobby", "siteId", p, "name", "Lobby", "kind", "ZONE"), Map.class);
        admin.post("/api/v1/areas", Map.of("id", p + "-hall", "siteId", p, "name", "Hall", "kind", "HALL"), Map.class);
        admin.post("/api/v1/people", Map.of("id", p + "-visitor", "displayName", "Vera Visitor", "kind", "VISITOR"), Map.class);
        admin.post("/api/v1/people", Map.of("id", p + "-host", "displayName", "Hal Host", "kind", "EMPLOYEE"), Map.class);
        admin.post("/api/v1/people", Map.of("id", p + "-gone", "displayName", "Gone", "kind", "EMPLOYEE",
                "status", "SUSPENDED"), Map.class);
    }

    private Map<String, Object> request(String p) {
        Map<String, Object> body = new HashMap<>();
        body.put("visitorId", p + "-visitor");
        body.put("hostId", p + "-host");
        body.put("validFrom", now.minus(Duration.ofHours(1)).toString());
        body.put("validUntil", now.plus(Duration.ofHours(8)).toString());
        body.put("areaIds", List.of(p + "-lobby", p + "-hall"));
        body.put("purpose", "Audit");
        return body;
    }

    private Map<String, Object> act(Api as, String path, Object body) {
        HttpResponse<Map<String, Object>> response = client.toBlocking().exchange(
                HttpRequest.POST(path, body).bearerAuth(as.token()), Argument.mapOf(String.class, Object.class));
        assertThat(response.getStatus().getCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void aVisitIsApprovedByAnotherSupervisorNeverByItsRequester() {
        people("VA");
        Api requester = admin.newOperator(client, "va-super-1", "SUPERVISOR");
        Api approver = admin.newOperator(client, "va-super-2", "SUPERVISOR");
        Api guard = admin.newOperator(client, "va-guard", "GUARD");

        Map<String, Object> visit = requester.create("/api/v1/visits", request("VA"));
        String id = (String) visit.get("id");
        assertThat(id).matches("v-[0-9a-f]{12}");
        assertThat(visit).containsEntry("status", "REQUESTED").containsEntry("requestedBy", "va-super-1")
                .containsEntry("approvedBy", null).containsEntry("visitorId", "VA-visitor")
                .containsEntry("hostId", "VA-host").containsEntry("purpose", "Audit")
                .containsEntry("areaIds", List.of("VA-hall", "VA-lobby"));

        Api.Failure own = requester.fails(() -> act(requester, "/api/v1/visits/" + id + "/approve", Map.of()));
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.error().error()).isEqualTo("FORBIDDEN");
        assertThat(own.error().message()).isEqualTo("visit '" + id + "' was requested by va-super-1; another "
                + "supervisor must approve it (nobody approves their own request)");
        assertThat(guard.fails(() -> act(guard, "/api/v1/visits/" + id + "/approve", Map.of())).status())
                .isEqualTo(403);
        assertThat(index.rebuildAndWait(Duration.ofSeconds(10)).snapshot().visitsOf(new PersonId("VA-visitor")))
                .singleElement().satisfies(v -> assertThat(v.activeAt(now)).as("requested only").isFalse());

        Map<String, Object> approved = act(approver, "/api/v1/visits/" + id + "/approve",
                Map.of("reason", "ID checked"));
        assertThat(approved).containsEntry("status", "APPROVED").containsEntry("approvedBy", "va-super-2");
        assertThat(approved.get("approvedAt")).isNotNull();
        Api.Failure again = approver.fails(() -> act(approver, "/api/v1/visits/" + id + "/approve", Map.of()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error().message()).isEqualTo("visit '" + id + "' is APPROVED; only a REQUESTED visit can "
                + "be approved");

        Visit inIndex = index.rebuildAndWait(Duration.ofSeconds(10)).snapshot()
                .visitsOf(new PersonId("VA-visitor")).getFirst();
        assertThat(inIndex.status()).isEqualTo(VisitStatus.APPROVED);
        assertThat(inIndex.host()).isEqualTo(new PersonId("VA-host"));
        assertThat(inIndex.activeAt(now)).isTrue();
        assertThat(inIndex.activeAt(now.plus(Duration.ofHours(8)))).isFalse();
        assertThat(inIndex.areas()).extracting(a -> a.value()).containsExactlyInAnyOrder("VA-lobby", "VA-hall");

        await().atMost(Duration.ofSeconds(10)).until(() -> events("VISIT_APPROVED", id).size() == 1);
        assertThat((String) events("VISIT_APPROVED", id).getFirst().get("reasonText"))
                .startsWith("va-super-2: visit " + id + " of VA-visitor (requested by va-super-1) approved")
                .endsWith("reason: ID checked");
        assertThat(events("VISIT_APPROVED", id).getFirst()).containsEntry("personId", "VA-visitor");

        assertThat(guard.list("/api/v1/visits?visitorId=VA-visitor")).singleElement()
                .satisfies(v -> assertThat(v).containsEntry("id", id));
        assertThat(guard.list("/api/v1/visits?status=approved")).extracting(v -> v.get("id")).contains(id);
        assertThat(guard.list("/api/v1/visits?status=REJECTED")).extracting(v -> v.get("id")).doesNotContain(id);
        assertThat(guard.fails(() -> guard.list("/api/v1/visits?status=LATE")).status()).isEqualTo(400);
    }

    @Test
    void requestsAreValidated() {
        people("VR");
        Api guard = admin.newOperator(client, "vr-guard", "GUARD");
        Api auditor = admin.newOperator(client, "vr-auditor", "AUDITOR");
        assertThat(auditor.fails(() -> auditor.post("/api/v1/visits", request("VR"), Map.class)).status())
                .isEqualTo(403);

        Map<String, String> expected = new HashMap<>();
        Map<String, Map<String, Object>> bodies = new HashMap<>();
        bad(bodies, expected, "visitor is an employee", "visitorId", "VR-host",
                "visitorId 'VR-host' is a EMPLOYEE, not a VISITOR");
        bad(bodies, expected, "unknown visitor", "visitorId", "ghost", "visitorId 'ghost' does not exist");
        bad(bodies, expected, "host is a visitor", "hostId", "VR-visitor",
                "hostId 'VR-visitor' is a VISITOR; a host must be an employee or contractor");
        bad(bodies, expected, "host suspended", "hostId", "VR-gone", "host 'VR-gone' is SUSPENDED; a host must be ACTIVE");
        bad(bodies, expected, "window order", "validUntil", now.minus(Duration.ofHours(2)).toString(),
                "validUntil must be after validFrom");
        bad(bodies, expected, "too long", "validUntil", now.plus(Duration.ofDays(40)).toString(),
                "a visit lasts at most 31 days");
        bad(bodies, expected, "no areas", "areaIds", List.of(), "areaIds must name at least one area");
        bad(bodies, expected, "unknown area", "areaIds", List.of("ghost-area"), "area 'ghost-area' does not exist");
        bad(bodies, expected, "bad id", "id", "bad id!", "id must match [A-Za-z0-9._-]{1,64}");
        bad(bodies, expected, "no window", "validFrom", null, "validFrom is required");
        for (Map.Entry<String, Map<String, Object>> e : bodies.entrySet()) {
            Api.Failure f = guard.fails(() -> guard.post("/api/v1/visits", e.getValue(), Map.class));
            assertThat(f.status()).as(e.getKey()).isEqualTo(400);
            assertThat(f.error().message()).as(e.getKey()).isEqualTo(expected.get(e.getKey()));
        }
        Map<String, Object> named = request("VR");
        named.put("id", "v-named");
        assertThat(guard.create("/api/v1/visits", named)).containsEntry("id", "v-named");
        assertThat(guard.fails(() -> guard.post("/api/v1/visits", named, Map.class)).status()).isEqualTo(409);
        assertThat(guard.fails(() -> guard.map("/api/v1/visits/ghost")).status()).isEqualTo(404);
    }

    private void bad(Map<String, Map<String, Object>> bodies, Map<String, String> expected, String name, String field,
                     Object value, String message) {
        Map<String, Object> body = request("VR");
        body.put(field, value);
        bodies.put(name, body);
        expected.put(name, message);
    }

    @Test
    void rejectAndCancelNeedAReasonAndTheRightOperator() {
        people("VC");
        Api guard = admin.newOperator(client, "vc-guard", "GUARD");
        Api otherGuard = admin.newOperator(client, "vc-guard-2", "GUARD");
        Api supervisor = admin.newOperator(client, "vc-super", "SUPERVISOR");

        String first = (String) guard.create("/api/v1/visits", request("VC")).get("id");
        assertThat(guard.fails(() -> act(guard, "/api/v1/visits/" + first + "/reject", Map.of("reason", "x")))
                .status()).isEqualTo(403);
        assertThat(supervisor.fails(() -> act(supervisor, "/api/v1/visits/" + first + "/reject", Map.of()))
                .error().message()).isEqualTo("reason is required");
        assertThat(act(supervisor, "/api/v1/visits/" + first + "/reject", Map.of("reason", "no NDA")))
                .containsEntry("status", "REJECTED").containsEntry("endedBy", "vc-super")
                .containsEntry("endReason", "no NDA");
        assertThat(supervisor.fails(() -> act(supervisor, "/api/v1/visits/" + first + "/cancel",
                Map.of("reason", "x"))).status()).isEqualTo(409);

        String second = (String) guard.create("/api/v1/visits", request("VC")).get("id");
        Api.Failure notYours = otherGuard.fails(() -> act(otherGuard, "/api/v1/visits/" + second + "/cancel",
                Map.of("reason", "x")));
        assertThat(notYours.status()).isEqualTo(403);
        assertThat(notYours.error().message()).contains("only the operator who requested visit");
        assertThat(guard.fails(() -> act(guard, "/api/v1/visits/" + second + "/cancel", Map.of())).status())
                .isEqualTo(400);
        act(supervisor, "/api/v1/visits/" + second + "/approve", Map.of());
        assertThat(act(guard, "/api/v1/visits/" + second + "/cancel", Map.of("reason", "visitor called in sick")))
                .containsEntry("status", "CANCELLED").containsEntry("approvedBy", "vc-super")
                .containsEntry("endedBy", "vc-guard");
        assertThat(index.rebuildAndWait(Duration.ofSeconds(10)).snapshot().visitsOf(new PersonId("VC-visitor")))
                .hasSize(2).noneSatisfy(v -> assertThat(v.activeAt(now)).isTrue());
        await().atMost(Duration.ofSeconds(10)).until(() -> events("VISIT_CANCELLED", second).size() == 1
                && events("VISIT_REJECTED", first).size() == 1);

        assertThat(admin.fails(() -> admin.delete("/api/v1/people/VC-visitor")).status()).as("still named by visits")
                .isEqualTo(409);
        assertThat(admin.fails(() -> admin.delete("/api/v1/areas/VC-hall")).status()).isEqualTo(409);
    }

    /**
     * Verifies that an area cannot move under an area that open (requested or approved) visits name — that would
     * widen them without approval — and can once those visits are cancelled; moving it out from under a visited area
     * (narrowing) is allowed.
     */
    @Test
    void anAreaCannotMoveUnderAVisitedAreaWhileVisitsAreOpen() {
        people("VM");
        admin.post("/api/v1/areas", Map.of("id", "VM-cage", "siteId", "VM", "name", "Cage", "kind", "CAGE"),
                Map.class);
        Api supervisor = admin.newOperator(client, "vm-super", "SUPERVISOR");
        String visit = (String) admin.create("/api/v1/visits", request("VM")).get("id");
        act(supervisor, "/api/v1/visits/" + visit + "/approve", Map.of());
        Map<String, Object> underHall = Map.of("siteId", "VM", "parentId", "VM-hall", "name", "Cage", "kind", "CAGE");
        Api.Failure refused = admin.fails(() -> admin.put("/api/v1/areas/VM-cage", underHall, Map.class));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.error().message()).contains("open visits name area 'VM-hall'");
        assertThat(admin.map("/api/v1/areas/VM-cage")).containsEntry("parentId", null);

        act(supervisor, "/api/v1/visits/" + visit + "/cancel", Map.of("reason", "re-planning"));
        admin.put("/api/v1/areas/VM-cage", underHall, Map.class);
        assertThat(admin.map("/api/v1/areas/VM-cage")).containsEntry("parentId", "VM-hall");
        String next = (String) admin.create("/api/v1/visits", request("VM")).get("id");
        assertThat(next).isNotBlank();
        admin.put("/api/v1/areas/VM-cage", Map.of("siteId", "VM", "name", "Cage", "kind", "CAGE"), Map.class);
        assertThat(admin.map("/api/v1/areas/VM-cage")).as("moving out narrows the visits: allowed")
                .containsEntry("parentId", null);
    }

    private List<Map<String, Object>> events(String reason, String visitId) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) admin.map("/api/v1/events?size=500").get("items");
        return items.stream()
                .filter(e -> "OPERATOR".equals(e.get("kind")) && reason.equals(e.get("reason")))
                .filter(e -> ((String) e.get("reasonText")).contains("visit " + visitId + " "))
                .toList();
    }
}
