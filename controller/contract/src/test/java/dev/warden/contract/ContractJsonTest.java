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
}
