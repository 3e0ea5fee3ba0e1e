package dev.warden.sim.osdp;

import static dev.warden.sim.osdp.OsdpTestCrypto.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.serial.MemoryCable;
import dev.warden.sim.osdp.OsdpTestPanel.Answer;
import dev.warden.sim.osdp.OsdpTestPanel.Corrupt;
import dev.warden.sim.osdp.OsdpTestPanel.Reply;
import dev.warden.sim.osdp.OsdpTestPanel.Timeout;
import dev.warden.sim.osdp.SimOsdpReader.Fault;
import dev.warden.sim.osdp.SimOsdpReader.LedColor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Verifies each injected fault as a control panel sees it over a running line, and that clearing the fault lets the
 * panel's retry (same sequence number) collect the reply it missed.
 */
class SimOsdpFaultTest {

    final List<AutoCloseable> open = new ArrayList<>();
    final SimOsdpReader reader = SimOsdpReader.builder("rdr-faulty", 3).seed(99).build();
    final SimOsdpReader neighbour = SimOsdpReader.builder("rdr-ok", 4).build();
    OsdpTestPanel panel;

    void start() {
        MemoryCable cable = MemoryCable.create("osdp-fault");
        open.add(cable.host());
        open.add(SimOsdpLine.serve("osdp-fault", cable.device(), List.of(reader, neighbour)));
        panel = new OsdpTestPanel(cable.host());
        assertThat(panel.send(3, 0x60)).isInstanceOf(Reply.class);
        assertThat(panel.send(4, 0x60)).isInstanceOf(Reply.class);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    static final Duration DEADLINE = Duration.ofMillis(200);
    static final Duration PATIENT = Duration.ofSeconds(1);

    static Reply reply(Answer answer) {
        assertThat(answer).isInstanceOf(Reply.class);
        return (Reply) answer;
    }

    @Test
    void garbageBeforeRepliesIsSkippedByAResynchronisingPanel() {
        start();
        reader.setFault(Fault.GARBAGE);

        for (int i = 0; i < 10; i++) {
            assertThat(reply(panel.send(3, 0x60)).code()).isEqualTo(0x40);
        }
    }

    @Test
    void aTruncatedReplyTimesOutAndTheRetryCollectsIt() {
        start();
        reader.presentCard("1010");
        reader.setFault(Fault.TRUNCATED);

        assertThat(panel.replyTimeout(DEADLINE).send(3, 0x60)).isInstanceOf(Timeout.class);

        reader.setFault(Fault.NONE);
        Reply raw = reply(panel.replyTimeout(PATIENT).retry());
        assertThat(raw.code()).isEqualTo(0x50);
        assertThat(raw.data()).isEqualTo(hex("00 00 04 00 a0"));
        assertThat(reader.resentReplies()).isEqualTo(1);
    }

    @Test
    void aBadCrcReplyIsSeenAsCorruptAndTheRetryCollectsIt() {
        start();
        reader.presentCard("1");
        reader.setFault(Fault.BAD_CRC);

        Answer corrupt = panel.replyTimeout(DEADLINE).send(3, 0x60);
        assertThat(corrupt).isInstanceOf(Corrupt.class);

        reader.setFault(Fault.NONE);
        assertThat(reply(panel.replyTimeout(PATIENT).retry()).code()).isEqualTo(0x50);
    }

    @Test
    void aSilentReaderSendsNothingAndActsOnNothingWhileItsNeighbourAnswers() {
        start();
        reader.setFault(Fault.SILENT);
        assertThat(reply(panel.send(4, 0x60)).code()).isEqualTo(0x40);

        Answer silence = panel.replyTimeout(DEADLINE).send(3, 0x69, hex("00 00 02 0a 00 01 00 1e 00 00 00 00 00 00"));
        assertThat(silence).isInstanceOfSatisfying(Timeout.class, t -> assertThat(t.received()).isEmpty());
        assertThat(reader.ledColor()).isEqualTo(LedColor.OFF);

        reader.setFault(Fault.NONE);
        assertThat(reply(panel.replyTimeout(PATIENT).retry()).code()).isEqualTo(0x40);
        assertThat(reader.ledColor()).isEqualTo(LedColor.RED);
    }

    @Test
    void aSlowReplyMissesTheDeadlineButArrivesLater() {
        start();
        reader.setFault(Fault.SLOW);

        long started = System.nanoTime();
        assertThat(panel.replyTimeout(DEADLINE).send(3, 0x60)).isInstanceOf(Timeout.class);
        byte[] late = panel.drain(Duration.ofMillis(800));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        byte[] ack = OsdpFrame.build(true, 0x83, 1, true, null, 0x40, new byte[0], null);
        assertThat(late).isEqualTo(ack);
    }
}
