package dev.warden.controller.person;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.warden.controller.Api;
import dev.warden.controller.decision.AccessIndex;
import dev.warden.controller.event.AccessEventRepository;
import dev.warden.controller.event.AccessEventRow;
import dev.warden.policy.Person;
import dev.warden.policy.PersonId;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Verifies a person's policy fields (clearance, escort right, lockdown exemption) and their PINs over real HTTP:
 * validation, roles, the salted hashes reaching the access index, and that no PIN ever appears in a response body
 * or a log line.
 */
@MicronautTest(transactional = false)
class PersonPolicyIT {
    static final String PIN = "73914062";
    static final String DURESS = "73914063";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    AccessIndex index;

    @Inject
    AccessEventRepository events;

    /** The OPERATOR events with this action code about this person, oldest first. */
    private List<AccessEventRow> operatorEvents(String action, String personId) {
        List<AccessEventRow> out = new ArrayList<>();
        for (AccessEventRow row : events.findAll()) {
            if ("OPERATOR".equals(row.kind()) && action.equals(row.reason()) && personId.equals(row.personId())) {
                out.add(row);
            }
        }
        return out;
    }

    Api admin;
    final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    final List<String> bodies = new ArrayList<>();

    @BeforeEach
    void signInAndListen() {
        admin = Api.admin(client);
        logged.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logged);
    }

    @AfterEach
    void noPinAnywhere() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logged);
        for (ILoggingEvent e : logged.list) {
            assertThat(e.getFormattedMessage()).doesNotContain(PIN).doesNotContain(DURESS);
            if (e.getThrowableProxy() != null) {
                assertThat(ThrowableProxyUtil.asString(e.getThrowableProxy())).as("a logged exception and its causes")
                        .doesNotContain(PIN).doesNotContain(DURESS);
            }
        }
        for (AccessEventRow row : events.findAll()) {
            assertThat(String.valueOf(row.detail())).as("operator events").doesNotContain(PIN).doesNotContain(DURESS);
        }
        for (String body : bodies) {
            assertThat(body).doesNotContain(PIN).doesNotContain(DURESS).doesNotContainIgnoringCase("hash")
                    .doesNotContainIgnoringCase("salt");
        }
    }

    /** GET as raw text, remembered so that {@link #noPinAnywhere} can check it. */
    private String raw(String path) {
        String body = client.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(admin.token()));
        bodies.add(body);
        return body;
    }

    private String rawPut(Api as, String path, Object body) {
        String answer = client.toBlocking().retrieve(HttpRequest.PUT(path, body).bearerAuth(as.token()));
        bodies.add(answer);
        return answer;
    }

    @Test
    void policyFieldsDefaultAreValidatedAndKeptWhenOmitted() {
        Map<String, Object> created = admin.create("/api/v1/people",
                Map.of("id", "PP-1", "displayName", "Noc Person", "kind", "EMPLOYEE"));
        assertThat(created).containsEntry("clearance", 0).containsEntry("mayEscort", false)
                .containsEntry("lockdownExempt", false).containsEntry("hasPin", false)
                .containsEntry("hasDuressPin", false);
        admin.put("/api/v1/people/PP-1", Map.of("displayName", "Noc Person", "kind", "EMPLOYEE", "mayEscort", true),
                Map.class);
        admin.put("/api/v1/people/PP-1/security", Map.of("clearance", 2, "lockdownExempt", true, "reason", "NOC"),
                Map.class);
        admin.put("/api/v1/people/PP-1", Map.of("displayName", "Noc P.", "kind", "EMPLOYEE"), Map.class);
        assertThat(admin.map("/api/v1/people/PP-1")).as("omitted fields are unchanged")
                .containsEntry("displayName", "Noc P.").containsEntry("clearance", 2)
                .containsEntry("mayEscort", true).containsEntry("lockdownExempt", true)
                .containsEntry("status", "ACTIVE");

        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("displayName", "X", "kind", "EMPLOYEE", "clearance", 3),
                Map.of("displayName", "X", "kind", "EMPLOYEE", "lockdownExempt", false),
                Map.of("displayName", "X", "kind", "VISITOR", "mayEscort", true))) {
            Api.Failure f = admin.fails(() -> admin.put("/api/v1/people/PP-1", bad, Map.class));
            assertThat(f.status()).as("%s", bad).isEqualTo(400);
        }
        Api.Failure visitorEscort = admin.fails(() -> admin.put("/api/v1/people/PP-1",
                Map.of("displayName", "X", "kind", "VISITOR"), Map.class));
        assertThat(visitorEscort.error().message()).as("the kept escort right conflicts with the new kind")
                .isEqualTo("a VISITOR cannot escort (mayEscort must be false)");
        for (int clearance : new int[] {4, -1}) {
            Api.Failure f = admin.fails(() -> admin.put("/api/v1/people/PP-1/security",
                    Map.of("clearance", clearance, "reason", "x"), Map.class));
            assertThat(f.status()).as("clearance %s", clearance).isEqualTo(400);
        }
    }

    /**
     * Verifies that clearance and lockdown exemption are security attributes: HR gets 403 for them (on create and
     * update, and on the /security route), a supervisor changes them only through /security with a reason, and
     * each change is an OPERATOR event naming the operator; a repeat records nothing; the index follows.
     */
    @Test
    void clearanceAndLockdownExemptionChangeOnlyBySupervisorsWithAReasonAndAreRecorded() {
        Api hr = admin.newOperator(client, "pp-sec-hr", "HR");
        Api supervisor = admin.newOperator(client, "pp-sec-super", "SUPERVISOR");
        Api.Failure createdExempt = hr.fails(() -> hr.post("/api/v1/people", Map.of("id", "PP-S",
                "displayName", "Sec", "kind", "EMPLOYEE", "lockdownExempt", true), Map.class));
        assertThat(createdExempt.status()).isEqualTo(403);
        assertThat(createdExempt.error().message()).contains("SUPERVISOR or ADMIN");
        hr.create("/api/v1/people", Map.of("id", "PP-S", "displayName", "Sec", "kind", "EMPLOYEE", "clearance", 0,
                "lockdownExempt", false));
        for (Map<String, Object> raise : List.<Map<String, Object>>of(
                Map.of("displayName", "Sec", "kind", "EMPLOYEE", "clearance", 3),
                Map.of("displayName", "Sec", "kind", "EMPLOYEE", "lockdownExempt", true))) {
            assertThat(hr.fails(() -> hr.put("/api/v1/people/PP-S", raise, Map.class)).status()).as("%s", raise)
                    .isEqualTo(403);
            Api.Failure byAdmin = admin.fails(() -> admin.put("/api/v1/people/PP-S", raise, Map.class));
            assertThat(byAdmin.status()).isEqualTo(400);
            assertThat(byAdmin.error().message()).contains("/api/v1/people/PP-S/security");
        }
        assertThat(hr.fails(() -> hr.put("/api/v1/people/PP-S/security", Map.of("clearance", 3, "reason", "me"),
                Map.class)).status()).isEqualTo(403);
        assertThat(supervisor.fails(() -> supervisor.put("/api/v1/people/PP-S/security", Map.of("clearance", 3),
                Map.class)).status()).as("a reason is required").isEqualTo(400);
        assertThat(operatorEvents("PERSON_SECURITY", "PP-S")).isEmpty();
        assertThat(admin.map("/api/v1/people/PP-S")).containsEntry("clearance", 0).containsEntry("lockdownExempt", false);

        Map<?, ?> changed = supervisor.put("/api/v1/people/PP-S/security",
                Map.of("clearance", 3, "lockdownExempt", true, "reason", "fire warden"), Map.class);
        assertThat(changed.get("clearance")).isEqualTo(3);
        assertThat(changed.get("lockdownExempt")).isEqualTo(true);
        assertThat(operatorEvents("PERSON_SECURITY", "PP-S")).singleElement().satisfies(e -> assertThat(e.detail())
                .startsWith("pp-sec-super: ").contains("clearance 0 -> 3").contains("lockdown-exempt false -> true")
                .contains("reason: fire warden"));
        supervisor.put("/api/v1/people/PP-S/security", Map.of("clearance", 3, "reason", "again"), Map.class);
        assertThat(operatorEvents("PERSON_SECURITY", "PP-S")).as("a repeat changes nothing").hasSize(1);
        hr.put("/api/v1/people/PP-S", Map.of("displayName", "Sec Two", "kind", "EMPLOYEE", "clearance", 3,
                "lockdownExempt", true), Map.class);
        Person person = index.rebuildAndWait(Duration.ofSeconds(10)).snapshot().person(new PersonId("PP-S"))
                .orElseThrow();
        assertThat(person.clearance()).isEqualTo(3);
        assertThat(person.lockdownExempt()).isTrue();
        assertThat(person.displayName()).as("HR may repeat the values unchanged").isEqualTo("Sec Two");
    }

    @Test
    void pinsAreValidatedHashedIntoTheIndexAndNeverReturned() {
        admin.create("/api/v1/people", Map.of("id", "PP-2", "displayName", "Pin Person", "kind", "EMPLOYEE"));
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("pin", "123"),
                Map.of("pin", "123456789"),
                Map.of("pin", "12a4"),
                Map.of("duressPin", "1234"),
                Map.of("pin", "1234", "duressPin", "99"),
                Map.of("pin", "1234", "duressPin", "1234"))) {
            Api.Failure f = admin.fails(() -> admin.put("/api/v1/people/PP-2/pin", bad, Map.class));
            assertThat(f.status()).as("%s", bad).isEqualTo(400);
            assertThat(f.error().message()).containsAnyOf("pin must be 4 to 8 digits", "duressPin must be 4 to 8 digits",
                    "duressPin must differ from pin").doesNotContain("1234");
        }
        assertThat(admin.fails(() -> admin.put("/api/v1/people/ghost/pin", Map.of("pin", PIN), Map.class)).status())
                .isEqualTo(404);
        Api guard = admin.newOperator(client, "pp-guard", "GUARD");
        assertThat(guard.fails(() -> guard.put("/api/v1/people/PP-2/pin", Map.of("pin", PIN), Map.class)).status())
                .isEqualTo(403);
        Api hr = admin.newOperator(client, "pp-hr", "HR");

        String answer = rawPut(hr, "/api/v1/people/PP-2/pin", Map.of("pin", PIN, "duressPin", DURESS));
        assertThat(answer).contains("\"hasPin\":true").contains("\"hasDuressPin\":true");
        raw("/api/v1/people/PP-2");
        raw("/api/v1/people");

        Person person = index.rebuildAndWait(Duration.ofSeconds(10)).snapshot().person(new PersonId("PP-2")).orElseThrow();
        assertThat(person.pin().matches(PIN)).isTrue();
        assertThat(person.pin().matches(DURESS)).isFalse();
        assertThat(person.duressPin().matches(DURESS)).isTrue();
        assertThat(person.pin().salt()).as("one keyed salt (HMAC-SHA256 of the stored salt) for both")
                .isEqualTo(person.duressPin().salt()).hasSize(32);
        assertThat(operatorEvents("PIN_SET", "PP-2")).singleElement().satisfies(e -> assertThat(e.detail())
                .startsWith("pp-hr: ").contains("with duress PIN"));

        admin.put("/api/v1/people/PP-2", Map.of("displayName", "Pin Person", "kind", "EMPLOYEE", "status",
                "ACTIVE"), Map.class);
        assertThat(raw("/api/v1/people/PP-2")).as("an update of the person keeps the PIN").contains("\"hasPin\":true");

        rawPut(admin, "/api/v1/people/PP-2/pin", Map.of("pin", PIN));
        Person withoutDuress = index.rebuildAndWait(Duration.ofSeconds(10)).snapshot()
                .person(new PersonId("PP-2")).orElseThrow();
        assertThat(withoutDuress.duressPin()).isNull();
        assertThat(withoutDuress.pin().salt()).as("a fresh salt each time").isNotEqualTo(person.pin().salt());

        assertThat(guard.fails(() -> guard.delete("/api/v1/people/PP-2/pin")).status()).isEqualTo(403);
        hr.delete("/api/v1/people/PP-2/pin");
        assertThat(operatorEvents("PIN_CLEARED", "PP-2")).singleElement()
                .satisfies(e -> assertThat(e.detail()).startsWith("pp-hr: "));
        assertThat(raw("/api/v1/people/PP-2")).contains("\"hasPin\":false").contains("\"hasDuressPin\":false");
        assertThat(index.rebuildAndWait(Duration.ofSeconds(10)).snapshot().person(new PersonId("PP-2")).orElseThrow()
                .pin()).isNull();
        hr.delete("/api/v1/people/PP-2/pin");
    }
}
