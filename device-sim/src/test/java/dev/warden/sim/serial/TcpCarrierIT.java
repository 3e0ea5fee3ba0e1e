package dev.warden.sim.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.agent.device.FingerprintScanner.FingerprintResult;
import dev.warden.agent.fingerprint.FingerprintBus;
import dev.warden.agent.fingerprint.FingerprintModuleSettings;
import dev.warden.agent.modbus.ModbusBus;
import dev.warden.agent.modbus.ModbusDeviceSettings;
import dev.warden.agent.osdp.OsdpBus;
import dev.warden.agent.osdp.OsdpBusSettings;
import dev.warden.agent.osdp.OsdpReaderSettings;
import dev.warden.agent.testing.RecordingDeviceEvents;
import dev.warden.serial.TcpLinks;
import dev.warden.sim.config.SerialBusSpec;
import dev.warden.sim.config.SerialDeviceSpec;
import dev.warden.sim.osdp.SimOsdpReader;
import dev.warden.sim.wiegand.H10301Encoder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second carrier: the simulator as a TCP serial device server (the ser2net / Moxa "TCP server" mode) and the
 * agent's drivers reaching it through {@link TcpLinks} — the same drivers as on a serial port. OSDP with Secure
 * Channel (keyed from install mode), a fingerprint identification, and a Modbus sensor whose connection is cut and
 * comes back.
 */
class TcpCarrierIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final byte[] KEY = HexFormat.of().parseHex("00112233445566778899AABBCCDDEEFF");

    @TempDir
    Path dir;

    private final RecordingDeviceEvents events = new RecordingDeviceEvents();
    private SerialSimulation sim;
    private OsdpBus osdp;
    private FingerprintBus fingerprint;
    private ModbusBus modbus;

    @BeforeEach
    void start() {
        sim = SerialSimulation.start(List.of(
                new SerialBusSpec("osdp-tcp", SerialBusSpec.Protocol.OSDP, null, 0,
                        List.of(new SerialDeviceSpec.OsdpReader("rdr-tcp", 0))),
                new SerialBusSpec("fp-tcp", SerialBusSpec.Protocol.FINGERPRINT, null, 0,
                        List.of(new SerialDeviceSpec.FingerprintModule("fp-tcp", 0xFFFF_FFFFL, 0x5E1F00D7L, new TreeMap<>(Map.of(4, "p-0004"))))),
                new SerialBusSpec("modbus-tcp", SerialBusSpec.Protocol.MODBUS, null, 0,
                        List.of(new SerialDeviceSpec.ModbusDevice("env-tcp", 2, SerialDeviceSpec.Profile.ENVIRONMENT)))),
                dir, 42);
        osdp = OsdpBus.start(new OsdpBusSettings("osdp-tcp", true,
                        List.of(new OsdpReaderSettings("rdr-tcp", 0, true, Map.of("lock-tcp", 0)))),
                TcpLinks.opener("127.0.0.1", sim.tcpPort("osdp-tcp"), Duration.ofSeconds(2)), events,
                readerId -> Optional.of(KEY.clone()), Clock.systemUTC());
        fingerprint = FingerprintBus.start("fp-tcp", List.of(new FingerprintModuleSettings("fp-tcp", 0xFFFF_FFFFL, 0x5E1F00D7L)),
                TcpLinks.opener("127.0.0.1", sim.tcpPort("fp-tcp"), Duration.ofSeconds(2)), events, Clock.systemUTC());
        modbus = ModbusBus.start("modbus-tcp", List.of(ModbusDeviceSettings.environment("env-tcp", 2, Duration.ofMillis(200))),
                TcpLinks.opener("127.0.0.1", sim.tcpPort("modbus-tcp"), Duration.ofSeconds(2)), events, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {osdp, fingerprint, modbus, sim}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void osdpOverTcpIsKeyedAndDeliversCardsAndRelayPulses() {
        SimOsdpReader reader = sim.osdpReader("rdr-tcp").orElseThrow();
        // install mode: a session with SCBK-D, KEYSET to the key the controller gave, then a session with that key
        await().atMost(WAIT).until(() -> reader.scbk().isPresent() && reader.secureSessionActive());
        assertThat(reader.scbk()).get().isEqualTo(KEY);

        reader.presentCard(H10301Encoder.encode(12, 1001));
        await().atMost(WAIT).until(() -> events.has("card rdr-tcp " + H10301Encoder.encode(12, 1001)));

        osdp.pulse("lock-tcp", Duration.ofMillis(500));
        await().atMost(WAIT).until(() -> reader.outputPulses(0) == 1);
    }

    @Test
    void aFingerprintModuleOverTcpIdentifies() throws Exception {
        await().atMost(WAIT).until(() -> events.has("online fp-tcp"));
        var module = sim.fingerprintModule("fp-tcp").orElseThrow();
        long emptyScans = module.emptyScans();
        var result = fingerprint.identify("fp-tcp", Duration.ofSeconds(10)).toCompletableFuture();
        await().atMost(WAIT).until(() -> module.emptyScans() > emptyScans);
        module.placeFinger("p-0004");
        try {
            assertThat(result.get(20, TimeUnit.SECONDS)).isInstanceOfSatisfying(FingerprintResult.Match.class,
                    m -> assertThat(m.pageId()).isEqualTo(4));
        } finally {
            module.liftFinger();
        }
    }

    @Test
    void aCutConnectionIsLinkDownAndTheDeviceComesBackWhenTheServerAcceptsAgain() {
        await().atMost(WAIT).until(() -> events.has("online env-tcp"));
        sim.environmentSensor("env-tcp").orElseThrow().setTemperature(19.0);
        await().atMost(WAIT).until(() -> events.has("reading env-tcp temperature 19.0 C"));

        sim.unplug("modbus-tcp");
        await().atMost(WAIT).until(() -> events.has("offline env-tcp LINK_DOWN"));
        long onlineBefore = events.count("online env-tcp");
        sim.replug("modbus-tcp");

        await().atMost(WAIT).until(() -> events.count("online env-tcp") > onlineBefore);
    }
}
