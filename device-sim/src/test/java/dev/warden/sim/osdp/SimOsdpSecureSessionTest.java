package dev.warden.sim.osdp;

import static dev.warden.sim.osdp.OsdpTestCrypto.SCBK_D;
import static dev.warden.sim.osdp.OsdpTestCrypto.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.serial.MemoryCable;
import dev.warden.sim.osdp.OsdpTestPanel.Answer;
import dev.warden.sim.osdp.OsdpTestPanel.Handshake;
import dev.warden.sim.osdp.OsdpTestPanel.Reply;
import dev.warden.sim.osdp.SimOsdpReader.LedColor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Verifies Secure Channel end to end against the test panel's independent implementation: install mode on SCBK-D,
 * osdp_KEYSET to the reader's own key, a new session on that key, MAC chaining and encrypted data both ways, and every
 * refusal (SCBK-D on a keyed reader, wrong cryptogram, plaintext or bad MAC inside a session, session timeout).
 */
class SimOsdpSecureSessionTest {

    static final byte[] SITE_KEY = hex("a0 1b 2c 3d 4e 5f 60 71 82 93 a4 b5 c6 d7 e8 f9");

    final List<AutoCloseable> open = new ArrayList<>();
    final AtomicLong now = new AtomicLong(1_000_000_000L);

    OsdpTestPanel panelOn(SimOsdpReader reader) {
        MemoryCable cable = MemoryCable.create("osdp-sc");
        open.add(cable.host());
        open.add(SimOsdpLine.serve("osdp-sc", cable.device(), List.of(reader)));
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

    static byte[] keyset(byte[] key) {
        return OsdpTestCrypto.join(new byte[] {1, 16}, key);
    }

    @Test
    void installModeReaderIsKeyedThenTalksOnlyWithItsNewKey() {
        SimOsdpReader reader = SimOsdpReader.builder("rdr-install", 0).build();
        List<byte[]> keys = new CopyOnWriteArrayList<>();
        reader.onKeyChanged(keys::add);
        OsdpTestPanel panel = panelOn(reader);
        assertThat(reply(panel.send(0, 0x60)).code()).isEqualTo(0x40);

        Handshake install = panel.handshake(0, SCBK_D, 0);
        assertThat(install.established()).as(install.why()).isTrue();
        assertThat(((Reply) install.ccrypt()).securityData()).isZero(); // the reader used SCBK-D
        assertThat(reader.secureSessionActive()).isTrue();

        Reply ack = reply(panel.send(0, 0x75, keyset(SITE_KEY)));
        assertThat(ack.code()).isEqualTo(0x40);
        assertThat(ack.securityType()).isEqualTo(0x16);
        assertThat(keys).singleElement().isEqualTo(SITE_KEY);
        assertThat(reader.scbk()).hasValue(SITE_KEY);
        assertThat(reader.installMode()).isFalse();
        assertThat(reader.secureSessionActive()).isFalse();

        // the old session is gone: a secured command is refused in plaintext
        Reply refused = reply(panel.send(0, 0x60));
        assertThat(refused.securityType()).isEqualTo(-1);
        assertThat(refused.nakCode()).isEqualTo(6);

        // SCBK-D no longer works; the new key does
        Handshake withDefault = panel.handshake(0, SCBK_D, 0);
        assertThat(withDefault.established()).isFalse();
        assertThat(((Reply) withDefault.ccrypt()).securityData()).isEqualTo(1);
        Handshake withSiteKey = panel.handshake(0, SITE_KEY, 1);
        assertThat(withSiteKey.established()).as(withSiteKey.why()).isTrue();

        reader.presentCard("10000000100000100110100100");
        Reply raw = reply(panel.send(0, 0x60));
        assertThat(raw.securityType()).isEqualTo(0x18);
        assertThat(raw.code()).isEqualTo(0x50);
        assertThat(raw.data()).isEqualTo(hex("00 00 1a 00 80 82 69 00"));
        assertThat(hex(raw.raw())).doesNotContain("80 82 69 00"); // encrypted on the wire
    }

    @Test
    void encryptedCommandsDriveTheReaderAndEncryptedRepliesReportIt() {
        SimOsdpReader reader = SimOsdpReader.builder("rdr-keyed", 4).scbk(SITE_KEY).outputs(2).build();
        OsdpTestPanel panel = panelOn(reader);
        assertThat(panel.handshake(4, SITE_KEY, 1).established()).isTrue();

        assertThat(reply(panel.send(4, 0x69, hex("00 00 00 00 00 00 00 00 00 01 01 00 02 00"))).code())
                .isEqualTo(0x40);
        assertThat(reply(panel.send(4, 0x68, hex("01 02 00 00"))).code()).isEqualTo(0x40);
        Reply ostatr = reply(panel.send(4, 0x66));
        Reply pdid = reply(panel.send(4, 0x61, (byte) 0));

        assertThat(reader.ledColor()).isEqualTo(LedColor.GREEN);
        assertThat(reader.output(1)).isTrue();
        assertThat(ostatr.securityType()).isEqualTo(0x18);
        assertThat(ostatr.data()).isEqualTo(hex("00 01"));
        assertThat(pdid.code()).isEqualTo(0x45);
        assertThat(pdid.data()).hasSize(12);
    }

    @Test
    void aKeyedReaderRefusesPlaintextAndAnswersTheDefaultKeyWithItsOwn() {
        SimOsdpReader reader = SimOsdpReader.builder("rdr-paired", 1).scbk(SITE_KEY).build();
        OsdpTestPanel panel = panelOn(reader);

        assertThat(reply(panel.send(1, 0x60)).nakCode()).isEqualTo(6);
        assertThat(reply(panel.send(1, 0x61, (byte) 0)).code()).isEqualTo(0x45);
        Handshake attempt = panel.handshake(1, SCBK_D, 0);

        assertThat(attempt.established()).isFalse();
        assertThat(attempt.why()).contains("client cryptogram");
        assertThat(((Reply) attempt.ccrypt()).securityData()).isEqualTo(1);
        assertThat(reader.secureSessionActive()).isFalse();
    }

    @Test
    void aWrongServerCryptogramIsNakFive() {
        SimOsdpReader reader = SimOsdpReader.builder("rdr-paired", 1).scbk(SITE_KEY).build();
        OsdpTestPanel panel = panelOn(reader);

        Handshake attempt = panel.handshake(1, hex("000102030405060708090a0b0c0d0e0f"), 1, true);

        assertThat(attempt.established()).isFalse();
        assertThat(reply(attempt.rmacI()).nakCode()).isEqualTo(5);
        assertThat(reader.secureSessionActive()).isFalse();
    }

    @Test
    void plaintextInsideASessionIsRefused() {
        SimOsdpReader reader = SimOsdpReader.builder("rdr-sc", 1).build();
        OsdpTestPanel panel = panelOn(reader);
        assertThat(panel.handshake(1, SCBK_D, 0).established()).isTrue();
        int sequence = panel.nextSequence(1);

        Reply refused = reply(panel.sendRaw(panel.frame(1, sequence, null, 0x60, new byte[0], null)));

        assertThat(refused.nakCode()).isEqualTo(6);
        assertThat(refused.securityType()).isEqualTo(-1);
    }

    @Test
    void aBadMacEndsTheSession() {
        SimOsdpReader reader = SimOsdpReader.builder("rdr-sc", 1).build();
        OsdpTestPanel panel = panelOn(reader);
        assertThat(panel.handshake(1, SCBK_D, 0).established()).isTrue();
        int sequence = panel.nextSequence(1);
        byte[] forged = panel.frame(1, sequence, new byte[] {2, 0x15}, 0x60, new byte[0], body -> new byte[4]);

        Reply refused = reply(panel.sendRaw(forged));

        assertThat(refused.nakCode()).isEqualTo(6);
        assertThat(reader.secureSessionActive()).isFalse();
        assertThat(reader.macFailures()).isEqualTo(1);
    }

    @Test
    void aRepeatedSequenceInASessionGetsTheSameBytesAndTheChainGoesOn() {
        SimOsdpReader reader = SimOsdpReader.builder("rdr-sc", 1).build();
        OsdpTestPanel panel = panelOn(reader);
        assertThat(panel.handshake(1, SCBK_D, 0).established()).isTrue();
        reader.pressKeys("7");

        Reply first = reply(panel.send(1, 0x60));
        Reply again = reply(panel.retry());

        assertThat(again.raw()).isEqualTo(first.raw());
        assertThat(again.data()).isEqualTo(hex("00 01 37"));
        assertThat(reader.resentReplies()).isEqualTo(1);
        assertThat(reply(panel.send(1, 0x60)).code()).isEqualTo(0x40);
    }

    @Test
    void theSessionEndsAfterItsTimeoutWithoutTraffic() {
        SimOsdpReader reader = SimOsdpReader.builder("rdr-sc", 1).ticker(now::get)
                .sessionTimeout(java.time.Duration.ofMillis(400)).build();
        OsdpTestPanel panel = panelOn(reader);
        assertThat(panel.handshake(1, SCBK_D, 0).established()).isTrue();
        now.addAndGet(300_000_000L);
        assertThat(reply(panel.send(1, 0x60)).code()).isEqualTo(0x40); // activity keeps it alive
        now.addAndGet(300_000_000L);
        assertThat(reply(panel.send(1, 0x60)).code()).isEqualTo(0x40);

        now.addAndGet(500_000_000L);

        assertThat(reader.secureSessionActive()).isFalse();
        assertThat(reply(panel.send(1, 0x60)).nakCode()).isEqualTo(6);
    }

    @Test
    void sequenceZeroEndsTheSessionAndRestartsInPlaintext() {
        SimOsdpReader reader = SimOsdpReader.builder("rdr-sc", 1).build();
        OsdpTestPanel panel = panelOn(reader);
        assertThat(panel.handshake(1, SCBK_D, 0).established()).isTrue();
        panel.dropSession(1);
        panel.setSequence(1, 0);

        assertThat(reply(panel.send(1, 0x60)).code()).isEqualTo(0x40);
        assertThat(reader.secureSessionActive()).isFalse();
    }

    @Test
    void aSessionWorksInChecksumModeToo() {
        SimOsdpReader reader = SimOsdpReader.builder("rdr-sc", 1).scbk(SITE_KEY).build();
        OsdpTestPanel panel = panelOn(reader).checksumMode();

        assertThat(panel.handshake(1, SITE_KEY, 1).established()).isTrue();
        Reply lstatr = reply(panel.send(1, 0x64));

        assertThat(lstatr.crc()).isFalse();
        assertThat(lstatr.code()).isEqualTo(0x48);
        assertThat(lstatr.data()).isEqualTo(hex("00 00"));
    }
}
