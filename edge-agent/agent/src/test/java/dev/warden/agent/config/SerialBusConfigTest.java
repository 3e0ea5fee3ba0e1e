package dev.warden.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code serialBuses} section of the agent configuration and its cross-checks with the doors. */
class SerialBusConfigTest {

    static final String DOORS = """
            agentId: agent-1
            mqtt: { uri: tcp://127.0.0.1:1883 }
            doors:
              - id: door-hall1-a
                unlockMs: 5000
                readers:
                  - { deviceId: rdr-a-in, direction: IN }
                  - { deviceId: rdr-a-out, direction: OUT }
                lock: lock-a
              - id: door-cage-a
                unlockMs: 4000
                readers:
                  - { deviceId: rdr-cage-in, direction: IN }
                lock: lock-cage
                fingerprint: fp-cage
              - id: door-staff
                unlockMs: 5000
                readers:
                  - { deviceId: rdr-staff-in, direction: IN }
                lock: gate-staff
                contact: gate-staff
            """;

    static final String BUSES = """
            serialBuses:
              - id: osdp-1
                protocol: OSDP
                port: data/demo/dev/osdp-1
                baud: 115200
                secureChannel: REQUIRED
                devices:
                  - { id: rdr-a-in, address: 0, installMode: true, relays: { lock-a: 0 } }
                  - { id: rdr-a-out, address: 1 }
                  - { id: rdr-cage-in, address: 2, relays: { lock-cage: 1 } }
              - id: fp-1
                protocol: FINGERPRINT
                tcp: 127.0.0.1:4001
                devices:
                  - { id: fp-cage, address: 4294967295, password: "0000ABCD" }
              - id: modbus-1
                protocol: MODBUS
                port: /dev/ttyUSB1
                baud: 19200
                parity: EVEN
                rs485: true
                devices:
                  - { id: gate-staff, address: 1, pollMs: 100, profile: TURNSTILE }
                  - id: env-1
                    address: 2
                    points:
                      - { name: temperature, table: INPUT_REGISTER, register: 0, scale: 0.1, unit: C, signed: true }
                      - { name: leak, table: DISCRETE_INPUT, register: 0 }
            """;

    @Test
    void parsesEveryKindOfBus() throws Exception {
        AgentConfig c = AgentConfigLoader.parse(DOORS + BUSES);

        assertThat(c.serialBuses()).hasSize(3);
        SerialBusConfig osdp = c.serialBuses().get(0);
        assertThat(osdp.protocol()).isEqualTo(SerialBusConfig.Protocol.OSDP);
        assertThat(osdp.port()).isEqualTo("data/demo/dev/osdp-1");
        assertThat(osdp.baud()).isEqualTo(115200);
        assertThat(osdp.parity()).isEqualTo(SerialBusConfig.Parity.NONE);
        assertThat(osdp.secureChannelRequired()).isTrue();
        assertThat(osdp.devices()).containsExactly(
                new SerialDeviceConfig.OsdpReader("rdr-a-in", 0, true, Map.of("lock-a", 0)),
                new SerialDeviceConfig.OsdpReader("rdr-a-out", 1, false, Map.of()),
                new SerialDeviceConfig.OsdpReader("rdr-cage-in", 2, false, Map.of("lock-cage", 1)));

        SerialBusConfig fp = c.serialBuses().get(1);
        assertThat(fp.tcpHost()).isEqualTo("127.0.0.1");
        assertThat(fp.tcpPort()).isEqualTo(4001);
        assertThat(fp.baud()).as("default for fingerprint modules").isEqualTo(57600);
        assertThat(fp.devices()).containsExactly(new SerialDeviceConfig.FingerprintModule("fp-cage", 0xFFFF_FFFFL, 0xABCDL));
        assertThat(fp.devices().getFirst().toString()).doesNotContain("abcd", "ABCD", String.valueOf(0xABCD));

        SerialBusConfig modbus = c.serialBuses().get(2);
        assertThat(modbus.parity()).isEqualTo(SerialBusConfig.Parity.EVEN);
        assertThat(modbus.rs485()).isTrue();
        assertThat(modbus.secureChannelRequired()).isFalse();
        var gate = (SerialDeviceConfig.ModbusDevice) modbus.devices().get(0);
        assertThat(gate.profile()).isEqualTo("TURNSTILE");
        assertThat(gate.poll()).isEqualTo(Duration.ofMillis(100));
        var env = (SerialDeviceConfig.ModbusDevice) modbus.devices().get(1);
        assertThat(env.poll()).isEqualTo(Duration.ofSeconds(1));
        assertThat(env.points()).containsExactly(
                new SerialDeviceConfig.ModbusPoint("temperature", "INPUT_REGISTER", 0, 0.1, "C", true, false),
                new SerialDeviceConfig.ModbusPoint("leak", "DISCRETE_INPUT", 0, 1.0, "", false, false));

        assertThat(c.doors().get(1).fingerprintModuleId()).isEqualTo("fp-cage");
        assertThat(c.doors().get(2).contactId()).as("a turnstile is its door's lock and contact").isEqualTo("gate-staff");
    }

    @Test
    void withoutSerialBusesTheAgentHasNone() throws Exception {
        assertThat(AgentConfigLoader.parse(DOORS.replace("    fingerprint: fp-cage\n", "")).serialBuses()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "port: data/demo/dev/osdp-1|port: data/demo/dev/osdp-1\\n    tcp: 127.0.0.1:1|exactly one of port",
        "tcp: 127.0.0.1:4001|tcp: 127.0.0.1:99999|host:port",
        "protocol: OSDP|protocol: OSDPX|serialBuses[0].protocol must be one of",
        "address: 1 }|address: 0 }|address 0 is used twice",
        "relays: { lock-a: 0 }|relays: { lock-zz: 0 }|relay 'lock-zz' of reader 'rdr-a-in' is not the lock of any door",
        "password: \"0000ABCD\"|password: \"12345\"|must be 8 hexadecimal digits",
        "profile: TURNSTILE|profile: MANTRAP|must be one of",
        "table: DISCRETE_INPUT|table: DISCRETE|must be one of",
        "baud: 115200|baud: 7|must be between 1200 and 921600",
        "installMode: true|installMode: yes please|must be true or false",
        "{ id: rdr-a-out, address: 1 }|{ id: rdr-zz, address: 1 }|OSDP reader 'rdr-zz' is not a reader of any door",
        "{ id: gate-staff, address: 1|{ id: env-1, address: 1|device id 'env-1' is used more than once",
    })
    void rejectsBadSerialSettingsWithTheFieldNamed(String from, String to, String message) {
        String yaml = DOORS + BUSES.replace(from, to.replace("\\n", "\n"));
        assertThat(yaml).isNotEqualTo(DOORS + BUSES);
        assertThatThrownBy(() -> AgentConfigLoader.parse(yaml))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aDoorsFingerprintModuleMustBeOnAFingerprintBus() {
        String yaml = DOORS.replace("fingerprint: fp-cage", "fingerprint: fp-other") + BUSES;
        assertThatThrownBy(() -> AgentConfigLoader.parse(yaml))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("fingerprint module 'fp-other' is not a device of a FINGERPRINT serial bus");
    }

    @Test
    void theFactoryFingerprintPasswordIsRefusedUnlessTheSiteAcceptsTheRisk() throws Exception {
        String factory = DOORS + BUSES.replace("password: \"0000ABCD\"", "password: \"00000000\"");
        assertThatThrownBy(() -> AgentConfigLoader.parse(factory))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("factory default 00000000");
        String none = DOORS + BUSES.replace(", password: \"0000ABCD\"", "");
        assertThatThrownBy(() -> AgentConfigLoader.parse(none)).hasMessageContaining("factory default");

        AgentConfig accepted = AgentConfigLoader.parse(DOORS + BUSES.replace("password: \"0000ABCD\"", "password: \"00000000\", allowDefaultPassword: true"));
        assertThat(accepted.serialBuses().get(1).devices().getFirst()).isEqualTo(new SerialDeviceConfig.FingerprintModule("fp-cage", 0xFFFF_FFFFL, 0));
    }

    @Test
    void aBadFingerprintPasswordIsNeverEchoed() {
        String yaml = DOORS + BUSES.replace("password: \"0000ABCD\"", "password: \"hunter2-secret\"");
        assertThatThrownBy(() -> AgentConfigLoader.parse(yaml))
                .isInstanceOf(InvalidConfigException.class)
                .message().doesNotContain("hunter2");
    }
}
