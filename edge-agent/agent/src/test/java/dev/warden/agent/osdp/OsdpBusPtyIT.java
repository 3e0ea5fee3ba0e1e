package dev.warden.agent.osdp;

import static dev.warden.agent.osdp.OsdpTestBus.CARD_1234;
import static dev.warden.agent.osdp.OsdpTestBus.CARD_OTHER;
import static dev.warden.agent.osdp.OsdpTestBus.KEY_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.agent.testing.RecordingDeviceEvents;
import dev.warden.codec.osdp.OsdpCommand;
import dev.warden.serial.PtyPair;
import dev.warden.serial.SerialPorts;
import dev.warden.serial.SerialSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OSDP driver over a real pseudo-terminal opened through jSerialComm by its stable path, exactly as the agent
 * opens a local serial port: a factory reader in install mode is keyed, cards and outputs travel in Secure Channel,
 * then the pty is hung up (unplugged) and a new one appears behind the same path (plugged back in).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OsdpBusPtyIT {

    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static final OsdpTimings PTY = new OsdpTimings(Duration.ofMillis(150), Duration.ofSeconds(1),
            Duration.ofMillis(10), 3, Duration.ofMillis(200), Duration.ofMillis(50), Duration.ofMillis(500),
            Duration.ofSeconds(2));

    @TempDir
    Path dir;

    @Test
    void aReaderOnAPtyIsKeyedServesCardsAndOutputsAndSurvivesAnUnplug() throws Exception {
        Path stable = dir.resolve("dev/osdp-1");
        FakeReader reader = new FakeReader(0x00, null, true);
        RecordingDeviceEvents events = new RecordingDeviceEvents();
        OsdpBusSettings settings = new OsdpBusSettings("pty", true,
                List.of(new OsdpReaderSettings("rdr-pty", 0x00, true, Map.of("lock-pty", 0))));

        PtyPair pty = PtyPair.open(stable);
        FakeReaderBus devices = new FakeReaderBus(pty.master(), List.of(reader));
        try (OsdpBus bus = OsdpBus.start(settings,
                SerialPorts.opener(new SerialSettings(stable.toString(), 9600, SerialSettings.Parity.NONE, 1, false)),
                events, new OsdpTestBus.Keys().with("rdr-pty", KEY_A), Clock.systemUTC(), PTY)) {
            await().atMost(WITHIN).until(() -> events.has("online rdr-pty"));
            assertThat(reader.keySets.get()).isEqualTo(1);
            assertThat(reader.scbk.get()).isEqualTo(KEY_A);

            reader.cards.add(CARD_1234);
            bus.pulse("lock-pty", Duration.ofSeconds(2));
            bus.led("rdr-pty", "GREEN", Duration.ofSeconds(1));
            await().atMost(WITHIN).until(() -> events.has("card rdr-pty " + CARD_1234));
            await().atMost(WITHIN).until(() -> reader.received(OsdpCommand.Output.class).size() == 1
                    && reader.received(OsdpCommand.Led.class).size() == 1);

            // unplug
            devices.close();
            pty.close();
            await().atMost(WITHIN).until(() -> events.has("offline rdr-pty LINK_DOWN"));

            // plug back in behind the same path: the reader kept its key, no second KEYSET
            try (PtyPair again = PtyPair.open(stable); FakeReaderBus back = new FakeReaderBus(again.master(), List.of(reader))) {
                await().atMost(WITHIN).until(() -> events.count("online rdr-pty") == 2);
                reader.cards.add(CARD_OTHER);
                await().atMost(WITHIN).until(() -> events.has("card rdr-pty " + CARD_OTHER));
                assertThat(reader.keySets.get()).isEqualTo(1);
            }
        } finally {
            devices.close();
            pty.close();
        }
    }
}
