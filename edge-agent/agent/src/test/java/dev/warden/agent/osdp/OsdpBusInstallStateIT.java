package dev.warden.agent.osdp;

import static dev.warden.agent.osdp.OsdpTestBus.FAST;
import static dev.warden.agent.osdp.OsdpTestBus.KEY_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.agent.testing.RecordingDeviceEvents;
import dev.warden.codec.osdp.OsdpCommand;
import dev.warden.serial.MemoryCable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Install mode is one-time across restarts of the agent (review F1): a bus started with a state directory records
 * the reader it keyed; a bus started later with the same directory refuses SCBK-D for that reader although
 * {@code installMode} is still set, and a factory-fresh device on its address is never given the key.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OsdpBusInstallStateIT {

    private static final Duration WITHIN = Duration.ofSeconds(5);

    @TempDir
    Path dataDir;

    @Test
    void aReaderKeyedOnceIsRefusedScbkDAfterARestartOfTheAgent() throws Exception {
        FakeReader reader = new FakeReader(0x31, null, true);
        OsdpBusSettings settings = new OsdpBusSettings("osdp-1", true,
                List.of(new OsdpReaderSettings("rdr-s", 0x31, true)));
        RecordingDeviceEvents events = new RecordingDeviceEvents();
        try (MemoryCable line = MemoryCable.create("osdp-1");
                OsdpBus bus = OsdpBus.start(settings, FakeReaderBus.on(line, reader), events,
                        new OsdpTestBus.Keys().with("rdr-s", KEY_A),
                        Clock.systemUTC(), FAST, dataDir)) {
            await().atMost(WITHIN).until(() -> events.has("online rdr-s"));
            assertThat(reader.keySets.get()).isEqualTo(1);
        }
        Path file = dataDir.resolve("osdp-osdp-1-keyed.txt");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text.lines().filter(l -> !l.startsWith("#"))).containsExactly("rdr-s");
        assertThat(text.toLowerCase()).doesNotContain(HexFormat.of().formatHex(KEY_A));

        // the agent restarts; meanwhile the device on that address was replaced by a factory-fresh one (or a rogue)
        reader.scbk.set(null);
        RecordingDeviceEvents after = new RecordingDeviceEvents();
        try (MemoryCable line = MemoryCable.create("osdp-1");
                OsdpBus bus = OsdpBus.start(settings, FakeReaderBus.on(line, reader), after,
                        new OsdpTestBus.Keys().with("rdr-s", KEY_A),
                        Clock.systemUTC(), dataDir)) {
            await().atMost(WITHIN).until(() -> after.has("offline rdr-s SCBK_D_REFUSED"));
            assertThat(bus.counters()).containsKey("scbk_d_refused_keyed");
        }
        assertThat(reader.defaultKeySessions.get()).isEqualTo(1);
        assertThat(reader.keySets.get()).isEqualTo(1);
        assertThat(after.lines()).doesNotContain("security rdr-s INSTALL_KEY_USED", "online rdr-s");
        assertThat(reader.wireFrames).filteredOn(f -> f.code() == OsdpCommand.KEYSET).hasSize(1);
    }

    @Test
    void withoutAStateDirectoryTheKeyedStateLastsOnlyAsLongAsTheBus() throws Exception {
        FakeReader reader = new FakeReader(0x32, null, true);
        OsdpBusSettings settings = new OsdpBusSettings("osdp-2", true,
                List.of(new OsdpReaderSettings("rdr-m", 0x32, true)));
        RecordingDeviceEvents events = new RecordingDeviceEvents();
        try (MemoryCable line = MemoryCable.create("osdp-1");
                OsdpBus bus = OsdpBus.start(settings, FakeReaderBus.on(line, reader), events,
                        new OsdpTestBus.Keys().with("rdr-m", KEY_A),
                        Clock.systemUTC())) {
            await().atMost(WITHIN).until(() -> events.has("online rdr-m"));
            // while this bus runs, a reset reader is refused
            reader.scbk.set(null);
            line.hangUp();
            line.replug();
            await().atMost(WITHIN).until(() -> events.has("offline rdr-m SCBK_D_REFUSED"));
        }
        try (var listing = Files.list(dataDir)) {
            assertThat(listing.toList()).isEmpty();
        }
        assertThat(reader.keySets.get()).isEqualTo(1);
    }
}
