package dev.warden.sim.osdp;

import static dev.warden.sim.osdp.OsdpTestCrypto.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.warden.serial.MemoryCable;
import dev.warden.sim.osdp.OsdpTestPanel.Answer;
import dev.warden.sim.osdp.OsdpTestPanel.Reply;
import dev.warden.sim.osdp.OsdpTestPanel.Timeout;
import dev.warden.sim.osdp.SimOsdpReader.LedColor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Verifies a running line: a test control panel on the other end of an in-memory cable polls two readers on one
 * multi-drop bus and sees cards, keys, LED, buzzer and relay state, as the agent would over a pty or TCP.
 */
class SimOsdpLineTest {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final Duration SHORT = Duration.ofMillis(300);

    final List<AutoCloseable> open = new ArrayList<>();
    final SimOsdpReader first = SimOsdpReader.builder("rdr-a", 1).outputs(2).build();
    final SimOsdpReader second = SimOsdpReader.builder("rdr-b", 2).build();

    OsdpTestPanel panelOn(List<SimOsdpReader> readers) {
        MemoryCable cable = MemoryCable.create("osdp-test");
        open.add(cable.host());
        open.add(SimOsdpLine.serve("osdp-test", cable.device(), readers));
        return new OsdpTestPanel(cable.host());
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    static Reply reply(Answer answer) {
        assertThat(answer).isInstanceOf(Reply.class);
        return (Reply) answer;
    }

    @Test
    void eachReaderAnswersItsOwnAddressOnAMultiDropBus() {
        OsdpTestPanel panel = panelOn(List.of(first, second));

        Reply a = reply(panel.send(1, 0x60));
        Reply b = reply(panel.send(2, 0x61, (byte) 0));

        assertThat(a.addressByte()).isEqualTo(0x81);
        assertThat(a.code()).isEqualTo(0x40);
        assertThat(b.addressByte()).isEqualTo(0x82);
        assertThat(b.code()).isEqualTo(0x45);
        assertThat(panel.replyTimeout(SHORT).send(9, 0x60)).isInstanceOf(Timeout.class);
    }

    @Test
    void theFirstReaderAnswersBroadcasts() {
        OsdpTestPanel panel = panelOn(List.of(first, second));

        Reply reply = reply(panel.send(0x7F, 0x61, (byte) 0));

        assertThat(reply.addressByte()).isEqualTo(0x81);
        assertThat(reply.code()).isEqualTo(0x45);
    }

    @Test
    void aCardAndKeysReachThePanelOnlyFromTheirReader() {
        OsdpTestPanel panel = panelOn(List.of(first, second));
        reply(panel.send(1, 0x60));
        reply(panel.send(2, 0x60));

        second.presentCard("10000000100000100110100100");
        first.pressKeys("42#");

        assertThat(reply(panel.send(1, 0x60)).data()).isEqualTo(hex("00 03 34 32 0d"));
        Reply raw = reply(panel.send(2, 0x60));
        assertThat(raw.code()).isEqualTo(0x50);
        assertThat(raw.data()).isEqualTo(hex("00 00 1a 00 80 82 69 00"));
        assertThat(reply(panel.send(1, 0x60)).code()).isEqualTo(0x40);
        assertThat(reply(panel.send(2, 0x60)).code()).isEqualTo(0x40);
    }

    @Test
    void ledBuzzerAndRelayFollowThePanelsCommandsAndTheirTimers() {
        OsdpTestPanel panel = panelOn(List.of(first));
        reply(panel.send(1, 0x60));

        // temporary green for 0.5 s; buzzer tone 2, 100 ms on/off, once; output 1 on for 0.3 s
        assertThat(reply(panel.send(1, 0x69, hex("00 00 02 05 00 02 00 05 00 00 00 00 00 00"))).code())
                .isEqualTo(0x40);
        assertThat(reply(panel.send(1, 0x6A, hex("00 02 01 01 01"))).code()).isEqualTo(0x40);
        assertThat(reply(panel.send(1, 0x68, hex("01 05 03 00"))).code()).isEqualTo(0x40);

        assertThat(first.outputPulses(1)).isEqualTo(1);
        await().atMost(WAIT).until(() -> !first.output(1));
        await().atMost(WAIT).until(() -> !first.buzzing());
        await().atMost(WAIT).until(() -> first.ledColor() == LedColor.OFF);
        assertThat(first.output(0)).isFalse();
    }

    @Test
    void closingTheLineStopsServingButLeavesTheLinkOpen() throws Exception {
        MemoryCable cable = MemoryCable.create("osdp-close");
        open.add(cable.host());
        SimOsdpLine line = SimOsdpLine.serve("osdp-close", cable.device(), List.of(first));
        OsdpTestPanel panel = new OsdpTestPanel(cable.host());
        reply(panel.send(1, 0x60));
        assertThat(line.framesHandled()).isEqualTo(1);

        line.close();
        line.close();

        assertThat(line.running()).isFalse();
        assertThat(panel.replyTimeout(SHORT).send(1, 0x60)).isInstanceOf(Timeout.class);
        cable.device().write(new byte[] {1}); // still plugged in
        assertThat(line.lineId()).isEqualTo("osdp-close");
    }

    @Test
    void theLineStopsWhenTheLinkGoesDown() {
        MemoryCable cable = MemoryCable.create("osdp-down");
        SimOsdpLine line = SimOsdpLine.serve("osdp-down", cable.device(), List.of(first));
        open.add(line);

        cable.hangUp();

        await().atMost(WAIT).until(() -> !line.running());
    }

    @Test
    void readersKeepTheirStateAcrossUnplugAndReplug() {
        MemoryCable cable = MemoryCable.create("osdp-unplug");
        SimOsdpLine line = SimOsdpLine.serve("osdp-unplug", cable.device(), List.of(first));
        OsdpTestPanel before = new OsdpTestPanel(cable.host());
        reply(before.send(1, 0x60));
        reply(before.send(1, 0x69, hex("00 00 00 00 00 00 00 00 00 01 01 00 03 00"))); // permanent amber
        first.presentCard("1111");

        // unplug: the lead closes the line and its link; replug: a new link and line, same reader objects
        line.close();
        cable.hangUp();
        OsdpTestPanel after = panelOn(List.of(first));

        assertThat(first.ledColor()).isEqualTo(LedColor.AMBER);
        Reply raw = reply(after.send(1, 0x60));
        assertThat(raw.code()).isEqualTo(0x50);
        assertThat(raw.data()).isEqualTo(hex("00 00 04 00 f0"));
    }

    @Test
    void aCorruptedCommandIsAnsweredWithNakOneAndCounted() {
        MemoryCable cable = MemoryCable.create("osdp-nak");
        open.add(cable.host());
        SimOsdpLine line = SimOsdpLine.serve("osdp-nak", cable.device(), List.of(first));
        open.add(line);
        OsdpTestPanel panel = new OsdpTestPanel(cable.host());
        reply(panel.send(1, 0x60));
        byte[] frame = panel.frame(1, 1, null, 0x60, new byte[0], null);
        frame[frame.length - 2] ^= 0x10;

        Reply nak = reply(panel.sendRaw(frame));

        assertThat(nak.nakCode()).isEqualTo(1);
        assertThat(nak.sequence()).isEqualTo(1);
        assertThat(line.framesRejected()).isEqualTo(1);
        assertThat(reply(panel.send(1, 0x60)).code()).isEqualTo(0x40); // sequence 1 was never used
    }

    @Test
    void garbageOnTheLineDoesNotHideTheNextCommand() {
        MemoryCable cable = MemoryCable.create("osdp-garbage");
        open.add(cable.host());
        SimOsdpLine line = SimOsdpLine.serve("osdp-garbage", cable.device(), List.of(first));
        open.add(line);
        OsdpTestPanel panel = new OsdpTestPanel(cable.host());

        Reply reply = reply(panel.sendRaw(OsdpTestCrypto.join(hex("00 7e 13 ff 00 42 ff"),
                panel.frame(1, 0, null, 0x61, new byte[] {0}, null))));

        assertThat(reply.code()).isEqualTo(0x45);
        assertThat(line.bytesDiscarded()).isEqualTo(7);
    }

    @Test
    void servesAChecksumModePanelWithoutMarks() {
        OsdpTestPanel panel = panelOn(List.of(first)).checksumMode().withoutMark();

        Reply reply = reply(panel.send(1, 0x64));

        assertThat(reply.crc()).isFalse();
        assertThat(reply.mark()).isFalse();
        assertThat(reply.code()).isEqualTo(0x48);
    }

    @Test
    void refusesTwoReadersOnOneAddress() {
        SimOsdpReader twin = SimOsdpReader.builder("rdr-twin", 1).build();
        MemoryCable cable = MemoryCable.create("osdp-twin");
        open.add(cable.host());

        assertThatThrownBy(() -> SimOsdpLine.serve("osdp-twin", cable.device(), List.of(first, twin)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("address 1");
        assertThatThrownBy(() -> SimOsdpLine.serve("osdp-none", cable.device(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
