package dev.warden.ui.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.ui.client.Decision;
import dev.warden.ui.client.DoorKind;
import dev.warden.ui.client.DoorState;
import dev.warden.ui.client.DoorView;
import dev.warden.ui.client.EventKind;
import dev.warden.ui.client.EventPage;
import dev.warden.ui.client.EventView;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Verifies that the console reads the contract's JSON shapes, and reads them leniently only where allowed. */
class ControllerJsonTest {

    private final ControllerJson json = new ControllerJson();

    @Test
    void readsAFullEventAsTheContractShowsIt() {
        EventView event = json.event("""
                {"id":123,"occurredAt":"2026-11-23T10:15:30.123Z","kind":"ACCESS","doorId":"door-7",
                 "doorName":"Server room 1","readerId":"r-7-in","direction":"IN","personId":"p-17",
                 "personName":"Ada Lovelace","credentialId":"c-9","card":"H10301 12:4567","decision":"DENY",
                 "reason":"OUTSIDE_SCHEDULE","reasonText":"Outside the access schedule","source":"MQTT_READER",
                 "agentId":"agent-1","seq":4711}""");

        assertThat(event).isEqualTo(new EventView(123, Instant.parse("2026-11-23T10:15:30.123Z"), EventKind.ACCESS,
                "door-7", "Server room 1", "r-7-in", "IN", "p-17", "Ada Lovelace", "c-9", "H10301 12:4567",
                Decision.DENY, "OUTSIDE_SCHEDULE", "Outside the access schedule", "MQTT_READER", "agent-1", 4711L));
    }

    @Test
    void absentNullAndUnknownFieldsAreFineAndNumericIdsReadAsText() {
        EventView event = json.event("""
                {"id":5,"occurredAt":"2026-11-23T10:15:30Z","kind":"DOOR","doorId":7,"personName":null,
                 "decision":"SOMETHING_NEW","cameraIds":["cam-1"],"nested":{"a":1}}""");

        assertThat(event.doorId()).isEqualTo("7");
        assertThat(event.personName()).isNull();
        assertThat(event.decision()).as("an unknown decision reads as none").isNull();
        assertThat(event.seq()).isNull();
    }

    @Test
    void anEventWithoutIdTimeOrKnownKindIsRefusedWithTheReason() {
        assertThatThrownBy(() -> json.event("{\"occurredAt\":\"2026-11-23T10:15:30Z\",\"kind\":\"ACCESS\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive id");
        assertThatThrownBy(() -> json.event("{\"id\":1,\"kind\":\"ACCESS\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("occurredAt");
        assertThatThrownBy(() -> json.event("{\"id\":1,\"occurredAt\":\"2026-11-23T10:15:30Z\",\"kind\":\"ALARM\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kind");
        assertThatThrownBy(() -> json.event("null")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> json.event("{\"id\":")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsAPageOfEvents() {
        EventPage page = json.read("""
                {"items":[{"id":2,"occurredAt":"2026-11-23T10:15:31Z","kind":"ACCESS"},
                          {"id":1,"occurredAt":"2026-11-23T10:15:30Z","kind":"REJECTED_READ"}],
                 "page":0,"size":100,"total":1234}""", EventPage.class);

        assertThat(page.items()).extracting(EventView::id).containsExactly(2L, 1L);
        assertThat(page.total()).isEqualTo(1234);
    }

    @Test
    void readsDoorsAndTakesAMissingStateAsUnknownAndAMissingAgentFlagAsOffline() {
        DoorView[] doors = json.read("""
                [{"id":"door-7","name":"Server room 1","areaId":"a-1","kind":"DOOR","state":"LOCKED","agentId":"agent-1",
                  "agentOnline":true,"lastChange":"2026-11-23T10:00:00Z"},
                 {"id":"gate-1","name":"Lobby turnstile","kind":"GATE","state":null,"lastChange":null}]""",
                DoorView[].class);

        assertThat(doors[0]).isEqualTo(new DoorView("door-7", "Server room 1", "a-1", DoorKind.DOOR, DoorState.LOCKED,
                "agent-1", true, Instant.parse("2026-11-23T10:00:00Z")));
        assertThat(doors[1].state()).isEqualTo(DoorState.UNKNOWN);
        assertThat(doors[1].agentOnline()).isFalse();
        assertThat(doors[1].lastChange()).isNull();
    }

    @Test
    void aParseErrorNeverQuotesTheInput() {
        String secret = "eyJhbGciOiJIUzI1NiJ9.secret-token";
        assertThatThrownBy(() -> json.read("{\"access_token\":\"" + secret + "\",", ControllerJson.SignInAnswer.class))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret));
    }

    @Test
    void theSignInAnswerIsReadAndItsTextLeavesTheTokenOut() {
        ControllerJson.SignInAnswer answer = json.read("""
                {"username":"alice","roles":["GUARD"],"access_token":"t0ps3cret","token_type":"Bearer",
                 "expires_in":3600}""", ControllerJson.SignInAnswer.class);

        assertThat(answer.accessToken()).isEqualTo("t0ps3cret");
        assertThat(answer.expiresIn()).isEqualTo(3600);
        assertThat(answer.toString()).doesNotContain("t0ps3cret");
    }

    /** Verifies that mangled events are always refused with an IllegalArgumentException, never anything else. */
    @Test
    void mangledEventsAreRefusedCleanly() {
        String valid = "{\"id\":7,\"occurredAt\":\"2026-11-23T10:15:30Z\",\"kind\":\"ACCESS\",\"card\":\"H10301 1:2\"}";
        Random random = new Random(77);
        for (int round = 0; round < 5_000; round++) {
            char[] chars = valid.toCharArray();
            int edits = 1 + random.nextInt(4);
            for (int i = 0; i < edits; i++) {
                chars[random.nextInt(chars.length)] = (char) (32 + random.nextInt(95));
            }
            String mangled = new String(chars);
            try {
                EventView event = json.event(mangled);
                assertThat(event.id()).isPositive();
                assertThat(event.occurredAt()).isNotNull();
                assertThat(event.kind()).isNotNull();
            } catch (IllegalArgumentException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }
}
