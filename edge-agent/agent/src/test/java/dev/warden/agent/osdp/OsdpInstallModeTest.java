package dev.warden.agent.osdp;

import static dev.warden.agent.osdp.OsdpTestBus.KEY_A;
import static dev.warden.agent.osdp.OsdpTestBus.KEY_B;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.agent.testing.RecordingDeviceEvents;
import dev.warden.codec.osdp.OsdpCommand;
import dev.warden.codec.osdp.OsdpFrame;
import dev.warden.codec.osdp.OsdpNakCode;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Review finding F1: install mode must not hand a reader's real key to whatever answers on its address. SCBK-D is
 * tried only when the reader itself answers the challenge with a well-formed osdp_CCRYPT made with SCBK-D, never
 * after a NAK or a cryptogram of another key; only once per reader (a reader that worked with its own key, or
 * accepted KEYSET, is never offered SCBK-D again); and every use raises a security notice. Driven on a hand-moved
 * clock against the fake reader.
 */
class OsdpInstallModeTest {

    private static final int ADDRESS = 0x10;
    private static final Duration STEP = Duration.ofMillis(50);
    private final RecordingDeviceEvents events = new RecordingDeviceEvents();
    private final BusCounters counters = new BusCounters();
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    private PdWire wire(boolean installMode, FakeReader reader) {
        Peripheral pd = new Peripheral(new OsdpReaderSettings("rdr", ADDRESS, installMode, Map.of()), true, events,
                id -> Optional.of(KEY_A.clone()), OsdpTimings.standard(), counters, new SecureRandom(), t0);
        return new PdWire(pd, reader, t0);
    }

    private static boolean isScbkDChallenge(OsdpFrame f) {
        return f.code() == OsdpCommand.CHLNG && f.securityBlock().orElseThrow().firstDataByte() == 0;
    }

    @Test
    void aPlaintextNakToTheChallengeNeverLeadsToScbkD() {
        // a rogue device on the reader's address: ID and CAP, then a plaintext NAK to the challenge for the real key
        FakeReader rogue = new FakeReader(ADDRESS, null, true);
        rogue.nakChallenges = OsdpNakCode.MESSAGE_CHECK.code();
        PdWire wire = wire(true, rogue);
        wire.run(STEP, Duration.ofMinutes(2));
        assertThat(wire.sent).filteredOn(f -> f.code() == OsdpCommand.CHLNG).isNotEmpty()
                .noneMatch(OsdpInstallModeTest::isScbkDChallenge);
        assertThat(wire.sent).noneMatch(f -> f.code() == OsdpCommand.KEYSET);
        assertThat(events.startingWith("offline")).containsExactly("offline rdr SECURE_CHANNEL_FAILED");
        assertThat(events.lines()).doesNotContain("online rdr", "security rdr INSTALL_KEY_USED");
        assertThat(rogue.keySets.get()).isZero();
    }

    @Test
    void aCryptogramOfAnotherKeyIsNoReasonToTryScbkD() {
        // the device would even accept SCBK-D, but it answered the challenge with a key of its own
        FakeReader reader = new FakeReader(ADDRESS, KEY_B, true);
        PdWire wire = wire(true, reader);
        wire.run(STEP, Duration.ofMinutes(2));
        assertThat(wire.sent).noneMatch(OsdpInstallModeTest::isScbkDChallenge);
        assertThat(reader.defaultKeySessions.get()).isZero();
        assertThat(reader.scbk.get()).isEqualTo(KEY_B);
        assertThat(events.startingWith("offline")).containsExactly("offline rdr SECURE_CHANNEL_FAILED");
    }

    @Test
    void aFactoryReaderIsKeyedOnceWithSecurityNoticesAndIsThenNeverOfferedScbkDAgain() {
        FakeReader reader = new FakeReader(ADDRESS, null, true);
        PdWire wire = wire(true, reader);
        wire.runUntil(() -> events.has("online rdr"), STEP, Duration.ofSeconds(5))
                .orElseThrow(() -> new AssertionError("not online: " + events.lines()));
        assertThat(reader.scbk.get()).isEqualTo(KEY_A);
        assertThat(reader.defaultKeySessions.get()).isEqualTo(1);
        assertThat(events.lines())
                .containsExactly("security rdr INSTALL_KEY_USED", "security rdr READER_KEYED", "online rdr");

        // the reader is swapped for a factory-fresh device (or one pretending to be): installMode is still set
        reader.scbk.set(null);
        wire.pd.lineUp(wire.now);
        int challengesBefore = (int) wire.sent.stream().filter(OsdpInstallModeTest::isScbkDChallenge).count();
        wire.run(STEP, Duration.ofMinutes(2));
        assertThat(events.startingWith("offline")).containsExactly("offline rdr SCBK_D_REFUSED");
        assertThat(wire.sent.stream().filter(OsdpInstallModeTest::isScbkDChallenge).count()).isEqualTo(challengesBefore);
        assertThat(reader.defaultKeySessions.get()).isEqualTo(1);
        assertThat(reader.keySets.get()).isEqualTo(1);
        assertThat(events.count("security rdr INSTALL_KEY_USED")).isEqualTo(1);
        assertThat(counters.get("scbk_d_refused")).isPositive();
    }

    @Test
    void aReaderThatWorkedWithItsOwnKeyIsNeverOfferedScbkDLater() {
        FakeReader reader = new FakeReader(ADDRESS, KEY_A, true);
        PdWire wire = wire(true, reader);
        wire.runUntil(() -> events.has("online rdr"), STEP, Duration.ofSeconds(5)).orElseThrow();
        assertThat(reader.keySets.get()).isZero();

        // a rogue takes its place and claims to be factory-fresh
        FakeReader rogue = new FakeReader(ADDRESS, null, true);
        PdWire rogueWire = new PdWire(wire.pd, rogue, wire.now);
        rogueWire.pd.lineUp(rogueWire.now);
        rogueWire.run(STEP, Duration.ofMinutes(2));
        assertThat(rogueWire.sent).filteredOn(f -> f.code() == OsdpCommand.CHLNG).isNotEmpty()
                .noneMatch(OsdpInstallModeTest::isScbkDChallenge);
        assertThat(rogueWire.sent).noneMatch(f -> f.code() == OsdpCommand.KEYSET);
        assertThat(rogue.defaultKeySessions.get()).isZero();
        assertThat(events.startingWith("offline")).containsExactly("offline rdr SCBK_D_REFUSED");
        assertThat(events.lines()).doesNotContain("security rdr INSTALL_KEY_USED");
    }

    @Test
    void outsideInstallModeAReaderAnsweringWithScbkDIsRefused() {
        FakeReader reader = new FakeReader(ADDRESS, null, true);
        PdWire wire = wire(false, reader);
        wire.run(STEP, Duration.ofSeconds(30));
        assertThat(wire.sent).noneMatch(OsdpInstallModeTest::isScbkDChallenge);
        assertThat(events.lines()).containsExactly("offline rdr SCBK_D_REFUSED");
    }
}
