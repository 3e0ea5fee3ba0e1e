package dev.warden.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContractJsonTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsADecodedCardRead() {
        var parsed = ContractJson.parse(
                utf8("{\"requestId\":\"r-1\",\"timestamp\":\"2026-11-23T10:15:30Z\","
                        + "\"card\":{\"format\":\"H10301\",\"facility\":12,\"number\":4567}}"),
                ReaderRead.class);
        assertThat(parsed).isInstanceOfSatisfying(Parsed.Ok.class, ok -> assertThat(ok.value())
                .isEqualTo(ReaderRead.ofCard("r-1", Instant.parse("2026-11-23T10:15:30Z"),
                        new CardData("H10301", 12, 4567))));
    }

    @Test
    void readsRawWiegandBits() {
        var parsed = ContractJson.parse(
                utf8("{\"requestId\":\"r-2\",\"timestamp\":\"2026-11-23T10:15:30Z\",\"wiegand\":\"10000000100000100110100100000000\"}"),
                ReaderRead.class);
        assertThat(parsed).isInstanceOf(Parsed.Ok.class);
    }

    @Test
    void rejectsBrokenJsonWithItsReason() {
        var parsed = ContractJson.parse(utf8("{\"requestId\":\"r-3\","), ReaderRead.class);
        assertThat(parsed).isInstanceOfSatisfying(Parsed.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(Parsed.MALFORMED_JSON));
    }

    @Test
    void rejectsAReadWithBothCardAndBitsAndKeepsTheRequestId() {
        var parsed = ContractJson.parse(
                utf8("{\"requestId\":\"r-4\",\"timestamp\":\"2026-11-23T10:15:30Z\","
                        + "\"card\":{\"format\":\"H10301\",\"facility\":1,\"number\":2},\"wiegand\":\"0101\"}"),
                ReaderRead.class);
        assertThat(parsed).isInstanceOfSatisfying(Parsed.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(Parsed.INVALID_PAYLOAD);
            assertThat(r.requestId()).isEqualTo("r-4");
            assertThat(r.detail()).contains("exactly one of card or wiegand");
        });
    }

    @Test
    void rejectsAMissingTimestampAndAWrongType() {
        assertThat(ContractJson.parse(utf8("{\"requestId\":\"r-5\",\"wiegand\":\"01\"}"), ReaderRead.class))
                .isInstanceOf(Parsed.Rejected.class);
        assertThat(ContractJson.parse(
                        utf8("{\"requestId\":\"r-6\",\"timestamp\":\"yesterday\",\"wiegand\":\"01\"}"), ReaderRead.class))
                .isInstanceOfSatisfying(Parsed.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo(Parsed.INVALID_PAYLOAD));
    }

    @Test
    void refusesOversizedPayloadsBeforeReadingThem() {
        byte[] big = new byte[ContractJson.MAX_PAYLOAD_BYTES + 1];
        assertThat(ContractJson.parse(big, ReaderRead.class)).isInstanceOfSatisfying(Parsed.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(Parsed.PAYLOAD_TOO_LARGE));
    }

    @Test
    void writesAndReadsBackEveryMessage() {
        Instant at = Instant.parse("2026-11-23T10:15:30.123Z");
        Object[] messages = {
            new DecisionMessage("r-1", Verdict.GRANT, "GRANTED", 5000, null, at),
            new AccessRequest("q-1", "door-1", "rdr-1", Direction.IN, at, null, "0101", "1234"),
            new AccessRequest("q-2", "door-1", "rdr-1", Direction.OUT, at, new CardData("H10301", 1, 2), null, null,
                    new FingerprintMatch("fp-1", 17, 230)),
            new AgentEvent("agent-1", 8, at, AgentEventType.TAMPER, "door-1", "rdr-1",
                    java.util.Map.of("state", "ACTIVE")),
            new AgentEvent("agent-1", 9, at, AgentEventType.PASSAGE, "gate-1", "gate-1", java.util.Map.of()),
            new AgentEvent("agent-1", 10, at, AgentEventType.SENSOR_READING, null, "env-1",
                    java.util.Map.of("quantity", "temperature", "value", "21.5", "unit", "°C")),
            new AgentEvent("agent-1", 11, at, AgentEventType.SENSOR_ALARM, null, "env-1",
                    java.util.Map.of("input", "leak", "state", "CLEARED")),
            new ReaderKeyRequest("k-1", "rdr-1"),
            ReaderKeyResponse.issued("k-1", "rdr-1", "000102030405060708090a0b0c0d0e0f"),
            ReaderKeyResponse.refused("k-2", "rdr-9", ReaderKeyResponse.NOT_YOUR_READER),
            ReaderKeyResponse.refused(null, null, Parsed.MALFORMED_JSON),
            new AgentEvent("agent-1", 7, at, AgentEventType.DOOR_STATE, "door-1", "dc-1",
                    java.util.Map.of("state", "OPEN")),
            new AgentStatus("agent-1", AgentStatus.State.ONLINE, at, "0.1.0"),
            new DoorCommand("c-1", "door-1", DoorCommand.Action.UNLOCK, 5000, null),
            new DeviceCommand(DoorCommand.Action.LED, 1000, "GREEN"),
            new DeviceState(DeviceState.State.OPEN, at),
        };
        for (Object m : messages) {
            assertThat(ContractJson.parse(ContractJson.write(m), m.getClass()))
                    .isEqualTo(new Parsed.Ok<>(m));
        }
    }

    @Test
    void topicIdsCannotInjectLevelsOrWildcards() {
        assertThat(Topics.isValidId("door-1.a_B")).isTrue();
        assertThat(Topics.isValidId("a/b")).isFalse();
        assertThat(Topics.isValidId("+")).isFalse();
        assertThat(Topics.isValidId("#")).isFalse();
        assertThat(Topics.idAt("warden/v1/readers/R1/read", "readers")).contains("R1");
        assertThat(Topics.idAt("warden/v1/agents/A/events", "readers")).isEmpty();
    }

    // --- card + fingerprint -------------------------------------------------------------------------

    @Test
    void anAccessRequestWithoutFingerprintHasNoFingerprintFieldAndTheOldConstructorStillWorks() {
        Instant at = Instant.parse("2026-11-23T10:15:30Z");
        AccessRequest plain = new AccessRequest("q-1", "door-1", "rdr-1", Direction.IN, at,
                new CardData("H10301", 1, 2), null, null);
        assertThat(plain.fingerprint()).isNull();
        assertThat(ContractJson.writeString(plain)).doesNotContain("fingerprint");
    }

    @Test
    void readsAnAccessRequestWithAFingerprintMatch() {
        var parsed = ContractJson.parse(utf8("{\"requestId\":\"q-3\",\"doorId\":\"door-cage-a\","
                + "\"readerId\":\"rdr-1\",\"direction\":\"IN\",\"timestamp\":\"2026-11-23T10:15:30Z\","
                + "\"card\":{\"format\":\"H10301\",\"facility\":12,\"number\":1001},"
                + "\"fingerprint\":{\"moduleId\":\"fp-door-cage-a\",\"pageId\":1,\"score\":87}}"),
                AccessRequest.class);
        assertThat(parsed).isInstanceOfSatisfying(Parsed.Ok.class, ok -> assertThat(
                ((AccessRequest) ok.value()).fingerprint()).isEqualTo(new FingerprintMatch("fp-door-cage-a", 1, 87)));
    }

    @Test
    void fingerprintFieldsAreCheckedAtTheirBounds() {
        assertThat(new FingerprintMatch("fp-1", 0, 0).pageId()).isZero();
        assertThat(new FingerprintMatch("fp-1", 65535, 65535).score()).isEqualTo(65535);
        String base = "{\"requestId\":\"q-4\",\"doorId\":\"d\",\"readerId\":\"r\",\"direction\":\"IN\","
                + "\"timestamp\":\"2026-11-23T10:15:30Z\",\"wiegand\":\"01\",\"fingerprint\":";
        for (String bad : new String[] {
            "{\"moduleId\":\"fp-1\",\"pageId\":65536,\"score\":1}",
            "{\"moduleId\":\"fp-1\",\"pageId\":-1,\"score\":1}",
            "{\"moduleId\":\"fp-1\",\"pageId\":1,\"score\":65536}",
            "{\"moduleId\":\"fp/1\",\"pageId\":1,\"score\":1}",
            "{\"pageId\":1,\"score\":1}",
            "{\"moduleId\":\"fp-1\",\"score\":1}",
            "\"fp-1\""
        }) {
            assertThat(ContractJson.parse(utf8(base + bad + "}"), AccessRequest.class)).as(bad)
                    .isInstanceOfSatisfying(Parsed.Rejected.class, r -> {
                        assertThat(r.reason()).isEqualTo(Parsed.INVALID_PAYLOAD);
                        assertThat(r.requestId()).isEqualTo("q-4");
                    });
        }
    }

    // --- reader keys --------------------------------------------------------------------------------

    @Test
    void keyTopicsLieInTheAgentsSubtree() {
        assertThat(Topics.agentKeyRequest("agent-1")).isEqualTo("warden/v1/agents/agent-1/keys/request");
        assertThat(Topics.agentKeyResponse("agent-1")).isEqualTo("warden/v1/agents/agent-1/keys/response");
        assertThat(Topics.agentKeyRequest("agent-1")).startsWith(Topics.agentSubtree("agent-1").replace("#", ""));
        assertThat(Topics.idAt(Topics.agentKeyRequest("agent-1"), "agents")).contains("agent-1");
    }

    @Test
    void aKeyResponseNeverShowsTheKeyInItsText() {
        String key = "00112233445566778899AABBCCDDEEFF";
        ReaderKeyResponse issued = ReaderKeyResponse.issued("k-1", "rdr-1", key);
        assertThat(issued.toString()).doesNotContain(key).doesNotContain(key.toLowerCase()).contains("<redacted>");
        assertThat(ContractJson.writeString(issued)).contains("\"scbk\":\"" + key + "\"").doesNotContain("reason");
    }

    @Test
    void aKeyResponseCarriesEitherAKeyOrAReason() {
        for (String bad : new String[] {
            "{\"requestId\":\"k\",\"readerId\":\"r\"}",
            "{\"requestId\":\"k\",\"readerId\":\"r\",\"scbk\":\"00112233445566778899aabbccddeeff\",\"reason\":\"X\"}",
            "{\"requestId\":\"k\",\"readerId\":\"r\",\"scbk\":\"00112233445566778899aabbccddeef\"}",
            "{\"requestId\":\"k\",\"readerId\":\"r\",\"scbk\":\"00112233445566778899aabbccddeefg\"}",
            "{\"requestId\":\"k\",\"scbk\":\"00112233445566778899aabbccddeeff\"}",
            "{\"requestId\":\"k\",\"readerId\":\"r\",\"reason\":\"not a code\"}"
        }) {
            assertThat(ContractJson.parse(utf8(bad), ReaderKeyResponse.class)).as(bad)
                    .isInstanceOfSatisfying(Parsed.Rejected.class,
                            r -> assertThat(r.reason()).isEqualTo(Parsed.INVALID_PAYLOAD));
        }
    }

    @Test
    void aKeyRequestNeedsARequestIdAndAValidReaderId() {
        assertThat(ContractJson.parse(utf8("{\"requestId\":\"k-1\",\"readerId\":\"rdr-1\"}"), ReaderKeyRequest.class))
                .isEqualTo(new Parsed.Ok<>(new ReaderKeyRequest("k-1", "rdr-1")));
        assertThat(ContractJson.parse(utf8("{\"requestId\":\"k-2\",\"readerId\":\"a/b\"}"), ReaderKeyRequest.class))
                .isInstanceOfSatisfying(Parsed.Rejected.class, r -> assertThat(r.requestId()).isEqualTo("k-2"));
        assertThat(ContractJson.parse(utf8("{\"readerId\":\"rdr-1\"}"), ReaderKeyRequest.class))
                .isInstanceOf(Parsed.Rejected.class);
    }

    @Test
    void newEventTypesAreReadByName() {
        var parsed = ContractJson.parse(utf8("{\"agentId\":\"a\",\"seq\":3,\"occurredAt\":\"2026-11-23T10:15:30Z\","
                + "\"type\":\"SENSOR_ALARM\",\"deviceId\":\"env-hall-1\",\"attributes\":{\"input\":\"smoke\","
                + "\"state\":\"ACTIVE\"}}"), AgentEvent.class);
        assertThat(parsed).isInstanceOfSatisfying(Parsed.Ok.class, ok -> {
            AgentEvent e = (AgentEvent) ok.value();
            assertThat(e.type()).isEqualTo(AgentEventType.SENSOR_ALARM);
            assertThat(e.attributes()).containsEntry("input", "smoke");
        });
    }
}
