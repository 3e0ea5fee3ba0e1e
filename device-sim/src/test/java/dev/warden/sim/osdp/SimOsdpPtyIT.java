package dev.warden.sim.osdp;

import static dev.warden.sim.osdp.OsdpTestCrypto.SCBK_D;
import static dev.warden.sim.osdp.OsdpTestCrypto.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.serial.LinkOpener;
import dev.warden.serial.PtyPair;
import dev.warden.serial.SerialLink;
import dev.warden.serial.SerialPorts;
import dev.warden.serial.SerialSettings;
import dev.warden.sim.osdp.OsdpTestPanel.Answer;
import dev.warden.sim.osdp.OsdpTestPanel.Reply;
import dev.warden.sim.osdp.SimOsdpReader.LedColor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies the simulated readers on a real pseudo-terminal: the line serves the pty master, the test panel opens the
 * slave through jSerialComm by its stable link, exactly as the agent does; then the pty is hung up (unplugged) and a
 * new pair on the same link (plugged back in) serves the same readers, which kept their key and state.
 */
class SimOsdpPtyIT {

    static final byte[] SITE_KEY = hex("0f1e2d3c4b5a69788796a5b4c3d2e1f0");

    @TempDir
    Path dir;

    static Reply reply(Answer answer) {
        assertThat(answer).isInstanceOf(Reply.class);
        return (Reply) answer;
    }

    @Test
    void readersServeAPanelOverAPtyAndSurviveAnUnplug() throws Exception {
        SimOsdpReader door = SimOsdpReader.builder("rdr-door", 0).outputs(1).build();
        SimOsdpReader exit = SimOsdpReader.builder("rdr-exit", 1).build();
        List<byte[]> keys = new CopyOnWriteArrayList<>();
        door.onKeyChanged(keys::add);
        Path stable = dir.resolve("dev/osdp-1");
        LinkOpener port = SerialPorts.opener(new SerialSettings(stable.toString(), 9600, SerialSettings.Parity.NONE, 1,
                false));

        PtyPair pty = PtyPair.open(stable);
        SimOsdpLine line = SimOsdpLine.serve("osdp-1", pty.master(), List.of(door, exit));
        try (SerialLink host = port.open()) {
            OsdpTestPanel panel = new OsdpTestPanel(host).replyTimeout(Duration.ofMillis(500));
            assertThat(reply(panel.send(0, 0x60)).code()).isEqualTo(0x40);
            assertThat(reply(panel.send(1, 0x60)).code()).isEqualTo(0x40);

            // install the door reader's key, then work on it in a session with that key
            assertThat(panel.handshake(0, SCBK_D, 0).established()).isTrue();
            assertThat(reply(panel.send(0, 0x75, OsdpTestCrypto.join(hex("01 10"), SITE_KEY))).code()).isEqualTo(0x40);
            panel.dropSession(0);
            assertThat(panel.handshake(0, SITE_KEY, 1).established()).isTrue();

            door.presentCard("10000000100000100110100100");
            Reply raw = reply(panel.send(0, 0x60));
            assertThat(raw.code()).isEqualTo(0x50);
            assertThat(raw.data()).isEqualTo(hex("00 00 1a 00 80 82 69 00"));
            assertThat(reply(panel.send(0, 0x69, hex("00 00 02 1e 00 02 00 32 00 00 00 00 00 00"))).code())
                    .isEqualTo(0x40);
            assertThat(reply(panel.send(0, 0x68, hex("00 05 0a 00"))).code()).isEqualTo(0x40);
            exit.pressKeys("1#");
            assertThat(reply(panel.send(1, 0x60)).data()).isEqualTo(hex("00 02 31 0d"));
        }
        assertThat(door.ledColor()).isEqualTo(LedColor.GREEN);
        assertThat(door.outputPulses(0)).isEqualTo(1);
        assertThat(keys).singleElement().isEqualTo(SITE_KEY);

        // unplug: the pty is hung up, the line stops on its own
        pty.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> !line.running());

        // plug back in: a new pair on the same stable link, the same reader objects
        try (PtyPair replugged = PtyPair.open(stable);
             SimOsdpLine again = SimOsdpLine.serve("osdp-1", replugged.master(), List.of(door, exit));
             SerialLink host = port.open()) {
            OsdpTestPanel panel = new OsdpTestPanel(host).replyTimeout(Duration.ofMillis(500));
            assertThat(reply(panel.send(0, 0x60)).nakCode()).isEqualTo(6); // still keyed: plaintext refused
            assertThat(panel.handshake(0, SITE_KEY, 1).established()).isTrue();
            assertThat(reply(panel.send(0, 0x60)).code()).isEqualTo(0x40);
            assertThat(again.running()).isTrue();
        }
    }
}
