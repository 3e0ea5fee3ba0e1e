package dev.warden.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.agent.codec.CodecWiegandDecoder;
import dev.warden.agent.door.WiegandOutcome;
import dev.warden.codec.wiegand.WiegandFormat;
import dev.warden.codec.wiegand.WiegandFormats;
import dev.warden.contract.CardData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A site adds its own Wiegand card format in the agent's configuration: the format table is data. */
class WiegandFormatsConfigTest {

    static final String BASE = """
            agentId: agent-1
            mqtt: { uri: tcp://127.0.0.1:1883 }
            doors:
              - id: door-1
                unlockMs: 5000
                readers: [ { deviceId: rdr-1, direction: IN } ]
                lock: lock-1
            """;

    static final String ACME40 = """
            wiegandFormats:
              - name: ACME40
                bits: 40
                facility: { first: 2, length: 14 }
                card: { first: 16, length: 24 }
                parity:
                  - { bit: 1, kind: EVEN, covers: ["2-20"] }
                  - { bit: 40, kind: ODD, covers: ["21-39"] }
            """;

    @Test
    void aSiteFormatIsDecodedWithItsParityChecked() throws Exception {
        AgentConfig config = AgentConfigLoader.parse(BASE + ACME40);
        WiegandFormat acme = config.wiegandFormats().getFirst();
        assertThat(acme.name()).isEqualTo("ACME40");
        assertThat(acme.bitLength()).isEqualTo(40);
        assertThat(acme.parity()).hasSize(2);
        CodecWiegandDecoder decoder = new CodecWiegandDecoder(WiegandFormats.standard().with(acme));

        String bits = frame(77, 123456);

        assertThat(decoder.decode(bits)).isEqualTo(new WiegandOutcome.Card(new CardData("ACME40", 77, 123456)));
        for (int i = 0; i < bits.length(); i++) {
            char[] flipped = bits.toCharArray();
            flipped[i] = flipped[i] == '0' ? '1' : '0';
            assertThat(decoder.decode(new String(flipped))).as("bit %d flipped", i + 1).isInstanceOf(WiegandOutcome.Unreadable.class);
        }
    }

    /** ACME40 built by hand: even parity over bits 2..20 at bit 1, odd parity over 21..39 at bit 40. */
    private static String frame(long facility, long card) {
        String body = pad(Long.toBinaryString(facility), 14) + pad(Long.toBinaryString(card), 24);
        long firstOnes = body.substring(0, 19).chars().filter(c -> c == '1').count();
        long secondOnes = body.substring(19).chars().filter(c -> c == '1').count();
        return (firstOnes % 2 == 0 ? "0" : "1") + body + (secondOnes % 2 == 0 ? "1" : "0");
    }

    private static String pad(String s, int n) {
        return "0".repeat(n - s.length()) + s;
    }

    @Test
    void aSiteFormatMayNotTakeTheBitLengthOfAnotherFormat() {
        String yaml = BASE + """
                wiegandFormats:
                  - { name: ACME26, bits: 26, card: { first: 2, length: 24 } }
                """;
        assertThatThrownBy(() -> AgentConfigLoader.parse(yaml))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("both have 26 bits");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "name: ACME40|name: H10301|H10301",
        "covers: [\"21-39\"]|covers: [41]|beyond the frame length 40",
        "covers: [\"21-39\"]|covers: [\"21-999\"]|ranges like",
        "card: { first: 16, length: 24 }|card: { first: 10, length: 24 }|overlap",
        "kind: ODD|kind: MARK|must be one of",
    })
    void aBadFormatIsRefusedWithTheReason(String from, String to, String message) {
        String yaml = BASE + ACME40.replace(from, to);
        assertThat(yaml).isNotEqualTo(BASE + ACME40);
        assertThatThrownBy(() -> AgentConfigLoader.parse(yaml))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining(message);
    }
}
