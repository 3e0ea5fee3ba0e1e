package dev.warden.sim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The simulator's {@code serialBuses} and {@code dataDir}. */
class SimSerialConfigTest {

    static final String YAML = """
            mqtt: { uri: tcp://127.0.0.1:1883 }
            dataDir: data/demo/sim
            serialBuses:
              - id: osdp-1
                protocol: OSDP
                pty: data/demo/dev/osdp-1
                devices:
                  - { id: rdr-a-in, address: 0 }
                  - { id: rdr-a-out, address: 1, fingerprint: fp-cage }
              - id: fp-1
                protocol: FINGERPRINT
                tcpPort: 4001
                devices:
                  - { id: fp-cage, address: 4294967295, password: "0000ABCD", library: { 1: p-0001, 2: p-0002 } }
              - id: modbus-1
                protocol: MODBUS
                pty: data/demo/dev/modbus-1
                devices:
                  - { id: gate-staff, address: 1, profile: TURNSTILE, doorId: door-staff }
                  - { id: env-1, address: 2, profile: ENVIRONMENT }
            """;

    @Test
    void parsesSerialBuses() throws Exception {
        SimConfig c = SimConfigLoader.parse(YAML);

        assertThat(c.dataDir()).isEqualTo(Path.of("data/demo/sim"));
        assertThat(c.serialBuses()).hasSize(3);
        SerialBusSpec osdp = c.serialBuses().get(0);
        assertThat(osdp.pty()).isEqualTo(Path.of("data/demo/dev/osdp-1"));
        assertThat(osdp.devices()).containsExactly(
                new SerialDeviceSpec.OsdpReader("rdr-a-in", 0), new SerialDeviceSpec.OsdpReader("rdr-a-out", 1, "fp-cage"));
        SerialBusSpec fp = c.serialBuses().get(1);
        assertThat(fp.pty()).isNull();
        assertThat(fp.tcpPort()).isEqualTo(4001);
        var module = (SerialDeviceSpec.FingerprintModule) fp.devices().getFirst();
        assertThat(module.password()).isEqualTo(0xABCD);
        assertThat(module.library()).containsExactly(Map.entry(1, "p-0001"), Map.entry(2, "p-0002"));
        assertThat(module.toString()).doesNotContain("ABCD", String.valueOf(0xABCD));
        assertThat(c.serialBuses().get(2).devices()).containsExactly(
                new SerialDeviceSpec.ModbusDevice("gate-staff", 1, SerialDeviceSpec.Profile.TURNSTILE, "door-staff"),
                new SerialDeviceSpec.ModbusDevice("env-1", 2, SerialDeviceSpec.Profile.ENVIRONMENT));
    }

    @Test
    void withoutThemTheSimulatorHasNoSerialDevices() throws Exception {
        SimConfig c = SimConfigLoader.parse("mqtt: { uri: tcp://127.0.0.1:1883 }\n");
        assertThat(c.serialBuses()).isEmpty();
        assertThat(c.dataDir()).isEqualTo(Path.of("data", "sim"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "protocol: OSDP|protocol: RS232|must be OSDP, FINGERPRINT or MODBUS",
        "tcpPort: 4001|tcpPort: 0|must be between 1 and 65535",
        "pty: data/demo/dev/modbus-1|pty: data/demo/dev/osdp-1|is used by two buses",
        "{ id: rdr-a-out, address: 1,|{ id: rdr-a-out, address: 0,|address 0 is used twice",
        "{ id: rdr-a-out, address: 1,|{ id: rdr-a-out, address: 127,|must be between 0 and 126",
        "fingerprint: fp-cage|fingerprint: fp-nowhere|names fingerprint module 'fp-nowhere', which is not a device of a FINGERPRINT bus",
        "profile: ENVIRONMENT|profile: LIFT|must be TURNSTILE or ENVIRONMENT",
        "{ id: env-1|{ id: rdr-a-in|'rdr-a-in'",
        "1: p-0001|1000: p-0001|a library page must be a number 0..999",
        "password: \"0000ABCD\"|password: \"secret-pw\"|must be 8 hexadecimal digits",
    })
    void rejectsBadSerialSettings(String from, String to, String message) {
        String yaml = YAML.replace(from, to);
        assertThat(yaml).isNotEqualTo(YAML);
        assertThatThrownBy(() -> SimConfigLoader.parse(yaml))
                .isInstanceOf(InvalidSimConfigException.class)
                .hasMessageContaining(message)
                .message().doesNotContain("secret-pw");
    }
}
