package dev.warden.agent.osdp;

import static dev.warden.agent.osdp.OsdpTestBus.CARD_1234;
import static dev.warden.agent.osdp.OsdpTestBus.CARD_OTHER;
import static dev.warden.agent.osdp.OsdpTestBus.FAST;
import static dev.warden.agent.osdp.OsdpTestBus.KEY_A;
import static dev.warden.agent.osdp.OsdpTestBus.KEY_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.agent.testing.RecordingDeviceEvents;
import dev.warden.codec.osdp.OsdpCommand;
import dev.warden.codec.osdp.OsdpFrame;
import dev.warden.codec.osdp.OsdpFrameEncoder;
import dev.warden.codec.osdp.SecurityBlock;
import dev.warden.serial.MemoryCable;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The OSDP driver on a bus that requires Secure Channel, end to end against fake readers running the PD side of the
 * codec: sessions with the reader's own key, install mode (SCBK-D, KEYSET, restart with the new key, security
 * notices), SCBK-D refused outside install mode, a reader holding another key (never rekeyed through SCBK-D), no key,
 * a MAC failure, a reader without Secure Channel, and a reader that answers in plaintext inside a session. No card is
 * ever delivered outside a verified session.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OsdpBusSecureChannelTest {

    private static final Duration WITHIN = Duration.ofSeconds(5);
    private static final Set<Integer> SESSION_COMMANDS = Set.of(OsdpCommand.POLL, OsdpCommand.LSTAT, OsdpCommand.ISTAT,
            OsdpCommand.LED, OsdpCommand.BUZ, OsdpCommand.OUT, OsdpCommand.KEYSET);

    private final RecordingDeviceEvents events = new RecordingDeviceEvents();
    private final OsdpTestBus.Keys keys = new OsdpTestBus.Keys().with("rdr-s", KEY_A);
    private MemoryCable line;
    private OsdpBus bus;

    @AfterEach
    void stop() throws Exception {
        if (bus != null) {
            bus.close();
        }
        if (line != null) {
            line.close();
        }
    }

    private FakeReader startWith(FakeReader reader, boolean installMode) {
        line = MemoryCable.create("osdp-test");
        bus = OsdpTestBus.start(FakeReaderBus.on(line, reader), events, keys, true, FAST,
                new OsdpReaderSettings("rdr-s", reader.address, installMode, Map.of("lock-s", 0)));
        return reader;
    }

    @Test
    void cardsAndCommandsTravelOnlyInsideTheSession() {
        FakeReader reader = startWith(new FakeReader(0x31, KEY_A, false), false);
        await().atMost(WITHIN).until(() -> events.has("online rdr-s"));
        reader.cards.add(CARD_1234);
        bus.pulse("lock-s", Duration.ofSeconds(3));
        bus.led("rdr-s", "GREEN", Duration.ofSeconds(2));
        await().atMost(WITHIN).until(() -> events.has("card rdr-s " + CARD_1234));
        await().atMost(WITHIN).until(() -> reader.received(OsdpCommand.Led.class).size() == 1
                && reader.received(OsdpCommand.Output.class).size() == 1);

        assertThat(reader.sessions.get()).isEqualTo(1);
        assertThat(reader.defaultKeySessions.get()).isZero();
        assertThat(reader.received(OsdpCommand.Output.class).getFirst().outputs().getFirst())
                .isEqualTo(new OsdpCommand.OutputControl(0, OsdpCommand.OutputControl.TEMPORARY_ON, 30));
        // every POLL/LED/OUT/... on the wire carried a session security block; data went encrypted (SCS_17)
        for (OsdpFrame frame : reader.wireFrames) {
            if (SESSION_COMMANDS.contains(frame.code())) {
                assertThat(frame.secured()).as("%s", frame).isTrue();
                if (frame.dataLength() > 0) {
                    assertThat(frame.securityBlock().orElseThrow().type()).isEqualTo(SecurityBlock.SCS_17);
                }
            }
        }
        // the challenge asked for the reader's own key (security block data 1), never SCBK-D
        assertThat(reader.wireFrames).filteredOn(f -> f.code() == OsdpCommand.CHLNG)
                .allSatisfy(f -> assertThat(f.securityBlock().orElseThrow().firstDataByte()).isEqualTo(1));
    }

    @Test
    void aFactoryReaderInInstallModeIsKeyedWithItsOwnKeyThenUsesIt() {
        // a factory-fresh reader: no SCBK of its own, answers SCBK-D because it is in install mode
        FakeReader reader = startWith(new FakeReader(0x32, null, true), true);
        await().atMost(WITHIN).until(() -> events.has("online rdr-s"));
        assertThat(reader.keySets.get()).isEqualTo(1);
        assertThat(reader.scbk.get()).isEqualTo(KEY_A);
        assertThat(reader.defaultKeySessions.get()).isEqualTo(1);
        assertThat(reader.sessions.get()).isEqualTo(2); // the SCBK-D session, then the session with its own key
        assertThat(events.count("online rdr-s")).isEqualTo(1);
        assertThat(events.lines()).containsSubsequence("security rdr-s INSTALL_KEY_USED", "security rdr-s READER_KEYED",
                "online rdr-s");
        assertThat(events.count("security rdr-s INSTALL_KEY_USED")).isEqualTo(1);

        // the KEYSET travelled encrypted: the key is not on the wire
        OsdpFrame keyset = reader.wireFrames.stream().filter(f -> f.code() == OsdpCommand.KEYSET).findFirst().orElseThrow();
        assertThat(keyset.securityBlock().orElseThrow().type()).isEqualTo(SecurityBlock.SCS_17);
        assertThat(HexFormat.of().formatHex(OsdpFrameEncoder.encode(keyset))).doesNotContain(HexFormat.of().formatHex(KEY_A));

        reader.cards.add(CARD_1234);
        await().atMost(WITHIN).until(() -> events.has("card rdr-s " + CARD_1234));
    }

    @Test
    void aReaderHoldingAnotherKeyIsNotRekeyedThroughScbkDUntilItIsResetToFactory() {
        // changed by the review (F1): a reader answering with a key of its own is never offered SCBK-D, even in
        // install mode; it must be reset to factory (then it answers with SCBK-D itself)
        FakeReader reader = startWith(new FakeReader(0x33, KEY_B, true), true);
        await().atMost(WITHIN).until(() -> events.has("offline rdr-s SECURE_CHANNEL_FAILED"));
        assertThat(reader.scbk.get()).isEqualTo(KEY_B);
        assertThat(reader.keySets.get()).isZero();
        assertThat(reader.defaultKeySessions.get()).isZero();
        assertThat(reader.wireFrames).filteredOn(f -> f.code() == OsdpCommand.CHLNG)
                .allSatisfy(f -> assertThat(f.securityBlock().orElseThrow().firstDataByte()).isEqualTo(1));

        reader.scbk.set(null);
        await().atMost(WITHIN).until(() -> events.has("online rdr-s"));
        assertThat(reader.scbk.get()).isEqualTo(KEY_A);
        assertThat(reader.keySets.get()).isEqualTo(1);
    }

    @Test
    void aReaderAnsweringWithScbkDOutsideInstallModeIsRefusedAndNoCardIsEverDelivered() {
        // a factory-fresh reader answers with SCBK-D, but the bus config says it is not in install mode
        FakeReader reader = new FakeReader(0x34, null, true);
        reader.cards.add(CARD_1234);
        startWith(reader, false);
        await().atMost(WITHIN).until(() -> events.has("offline rdr-s SCBK_D_REFUSED"));
        await().during(Duration.ofMillis(800)).atMost(WITHIN).until(() -> events.startingWith("card").isEmpty());
        assertThat(events.lines()).doesNotContain("online rdr-s");
        assertThat(reader.defaultKeySessions.get()).isZero();
        assertThat(reader.sessions.get()).isZero();
        assertThat(reader.received(OsdpCommand.Poll.class)).isEmpty();
        assertThat(reader.wireFrames).noneMatch(f -> f.code() == OsdpCommand.POLL);
        assertThat(reader.wireFrames).filteredOn(f -> f.code() == OsdpCommand.CHLNG)
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.securityBlock().orElseThrow().firstDataByte()).isEqualTo(1));
        assertThat(events.count("offline rdr-s SCBK_D_REFUSED")).isEqualTo(1);
    }

    @Test
    void withoutAKeyTheReaderStaysOfflineAndIsNeverPolledInPlaintext() {
        keys.keys.clear();
        FakeReader reader = startWith(new FakeReader(0x35, KEY_A, false), false);
        reader.cards.add(CARD_1234);
        await().atMost(WITHIN).until(() -> events.has("offline rdr-s NO_KEY"));
        await().during(Duration.ofMillis(500)).atMost(WITHIN).until(() -> events.startingWith("card").isEmpty());
        assertThat(reader.wireFrames).noneMatch(f -> f.code() == OsdpCommand.POLL || f.code() == OsdpCommand.CHLNG);
        // it keeps asking (the controller may get the key later)
        assertThat(keys.lookups.get()).isGreaterThan(1);
        keys.with("rdr-s", KEY_A);
        await().atMost(WITHIN).until(() -> events.has("online rdr-s"));
        await().atMost(WITHIN).until(() -> events.has("card rdr-s " + CARD_1234));
    }

    @Test
    void aMacFailureDropsTheSessionAndANewOneIsEstablished() {
        FakeReader reader = startWith(new FakeReader(0x36, KEY_A, false), false);
        await().atMost(WITHIN).until(() -> events.has("online rdr-s"));
        reader.corruptNextCard.set(true);
        reader.cards.add(CARD_1234);
        await().atMost(WITHIN).until(() -> reader.sessions.get() == 2);
        reader.cards.add(CARD_OTHER);
        await().atMost(WITHIN).until(() -> events.has("card rdr-s " + CARD_OTHER));
        // the card in the reply whose MAC failed is never delivered
        assertThat(events.startingWith("card")).containsExactly("card rdr-s " + CARD_OTHER);
        assertThat(bus.counters()).containsEntry("secure_channel_mac_mismatch", 1L);
        assertThat(events.startingWith("offline")).isEmpty();
    }

    @Test
    void aPlaintextCardInsideASessionIsNeverTrusted() {
        FakeReader reader = startWith(new FakeReader(0x37, KEY_A, false), false);
        await().atMost(WITHIN).until(() -> events.has("online rdr-s"));
        reader.plaintextCards = true;
        reader.cards.add(CARD_1234);
        await().atMost(WITHIN).until(() -> bus.counters().getOrDefault("plaintext_in_session", 0L) >= 1);
        reader.plaintextCards = false;
        await().atMost(WITHIN).until(() -> reader.sessions.get() >= 2);
        assertThat(events.startingWith("card")).isEmpty();
    }

    @Test
    void aReaderWithoutSecureChannelGoesOffline() {
        FakeReader reader = new FakeReader(0x38, KEY_A, false);
        reader.noSecureChannel = true;
        reader.cards.add(CARD_1234);
        startWith(reader, true);
        await().atMost(WITHIN).until(() -> events.has("offline rdr-s SECURE_CHANNEL_UNSUPPORTED"));
        assertThat(reader.wireFrames).noneMatch(f -> f.code() == OsdpCommand.POLL);
        assertThat(events.startingWith("card")).isEmpty();
    }

    @Test
    void sessionsOfSeveralReadersOnOneLineAreIndependent() throws Exception {
        FakeReader first = new FakeReader(0x41, KEY_A, false);
        FakeReader second = new FakeReader(0x42, KEY_B, false);
        keys.with("rdr-2", KEY_B).with("rdr-1", KEY_A);
        line = MemoryCable.create("osdp-test");
        bus = OsdpTestBus.start(FakeReaderBus.on(line, first, second), events, keys, true, FAST,
                new OsdpReaderSettings("rdr-1", 0x41, false),
                new OsdpReaderSettings("rdr-2", 0x42, false));
        await().atMost(WITHIN).until(() -> events.has("online rdr-1", "online rdr-2"));
        first.cards.add(CARD_1234);
        second.cards.add(CARD_OTHER);
        await().atMost(WITHIN).until(() -> events.has("card rdr-1 " + CARD_1234, "card rdr-2 " + CARD_OTHER));
    }
}
