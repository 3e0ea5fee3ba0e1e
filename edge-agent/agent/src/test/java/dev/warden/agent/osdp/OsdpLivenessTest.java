package dev.warden.agent.osdp;

import static dev.warden.agent.osdp.OsdpTestBus.KEY_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.agent.testing.RecordingDeviceEvents;
import dev.warden.codec.osdp.OsdpCommand;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Review finding F6: a reader that answers, but never usefully, must still be reported offline after the offline
 * time (8 s): one that answers only BUSY, one that answers the plaintext ID and CAP but not the Secure Channel, one
 * whose sessions keep breaking (which also raises {@code SECURE_CHANNEL_LOST}, at most once a minute). Driven on a
 * hand-moved clock against the fake reader, without a line.
 */
class OsdpLivenessTest {

    private static final int ADDRESS = 0x10;
    private static final Duration STEP = Duration.ofMillis(50);
    private final RecordingDeviceEvents events = new RecordingDeviceEvents();
    private final BusCounters counters = new BusCounters();
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    private PdWire wire(boolean secure, FakeReader reader) {
        Peripheral pd = new Peripheral(new OsdpReaderSettings("rdr", ADDRESS, false, Map.of()), secure, events,
                id -> Optional.of(KEY_A.clone()), OsdpTimings.standard(), counters, new SecureRandom(), t0);
        return new PdWire(pd, reader, t0);
    }

    private Duration since(Instant start, Instant at) {
        return Duration.between(start, at);
    }

    @Test
    void aReaderThatAnswersOnlyBusyGoesOfflineAfterTheOfflineTime() {
        FakeReader reader = new FakeReader(ADDRESS, null, false);
        PdWire wire = wire(false, reader);
        wire.runUntil(() -> events.has("online rdr"), STEP, Duration.ofSeconds(1)).orElseThrow();
        Instant busySince = wire.now;
        reader.alwaysBusy = true;
        Instant offline = wire.runUntil(() -> !events.startingWith("offline").isEmpty(), STEP, Duration.ofMinutes(10))
                .orElseThrow(() -> new AssertionError("still online after 10 minutes of BUSY: " + events.lines()));
        assertThat(events.startingWith("offline")).containsExactly("offline rdr BUSY");
        assertThat(since(busySince, offline)).isBetween(OsdpBusSettings.OFFLINE_AFTER.minus(STEP),
                OsdpBusSettings.OFFLINE_AFTER.plusSeconds(1));
        assertThat(counters.get("busy")).isPositive();
    }

    @Test
    void aDeviceThatAnswersOnlyThePlaintextIdAndCapOnASecureBusGoesOffline() {
        FakeReader reader = new FakeReader(ADDRESS, KEY_A, false);
        reader.onlyIdAndCap = true;
        PdWire wire = wire(true, reader);
        Instant offline = wire.runUntil(() -> !events.startingWith("offline").isEmpty(), STEP, Duration.ofMinutes(10))
                .orElseThrow(() -> new AssertionError("never offline: " + events.lines()));
        assertThat(events.lines()).containsExactly("offline rdr NO_REPLY");
        assertThat(since(t0, offline)).isBetween(OsdpBusSettings.OFFLINE_AFTER, OsdpBusSettings.OFFLINE_AFTER.plusSeconds(1));
        // it kept answering ID and CAP the whole time: that alone is not a working reader
        assertThat(wire.sent).filteredOn(f -> f.code() == OsdpCommand.ID).hasSizeGreaterThan(3);
    }

    @Test
    void aDeviceThatAnswersIdAndCapThenBusyToTheChallengeGoesOffline() {
        FakeReader reader = new FakeReader(ADDRESS, KEY_A, false);
        PdWire wire = wire(true, reader);
        // ID and CAP are answered normally, then BUSY to everything (the challenge included)
        wire.turn(STEP);
        wire.turn(STEP);
        reader.alwaysBusy = true;
        Instant offline = wire.runUntil(() -> !events.startingWith("offline").isEmpty(), STEP, Duration.ofMinutes(10))
                .orElseThrow(() -> new AssertionError("never offline: " + events.lines()));
        assertThat(events.lines()).containsExactly("offline rdr BUSY");
        assertThat(since(t0, offline)).isBetween(OsdpBusSettings.OFFLINE_AFTER, OsdpBusSettings.OFFLINE_AFTER.plusSeconds(1));
        assertThat(wire.sent).noneMatch(f -> f.code() == OsdpCommand.POLL);
    }

    @Test
    void sessionsThatKeepBreakingTakeTheReaderOfflineAndAreReportedOnceAMinute() {
        FakeReader reader = new FakeReader(ADDRESS, KEY_A, false);
        PdWire wire = wire(true, reader);
        events.clock(() -> wire.now);
        wire.runUntil(() -> events.has("online rdr"), STEP, Duration.ofSeconds(2)).orElseThrow();
        Instant breakingSince = wire.now;
        reader.corruptEveryMac = true;
        Instant offline = wire.runUntil(() -> !events.startingWith("offline").isEmpty(), STEP, Duration.ofMinutes(10))
                .orElseThrow(() -> new AssertionError("never offline: " + events.lines()));
        assertThat(events.startingWith("offline")).containsExactly("offline rdr SECURE_CHANNEL_FAILED");
        assertThat(since(breakingSince, offline)).isBetween(OsdpBusSettings.OFFLINE_AFTER.minus(STEP),
                OsdpBusSettings.OFFLINE_AFTER.plusSeconds(1));
        assertThat(reader.sessions.get()).isGreaterThan(3);
        assertThat(events.lines()).containsSubsequence("online rdr", "security rdr SECURE_CHANNEL_LOST",
                "offline rdr SECURE_CHANNEL_FAILED");

        // it keeps breaking every session while it is probed: a notice at most once a minute, and it does not flap
        // online/offline (online needs a reply that passed its MAC)
        wire.run(STEP, Duration.ofMinutes(5));
        List<Instant> notices = events.timesOf("security rdr SECURE_CHANNEL_LOST");
        assertThat(notices).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 1; i < notices.size(); i++) {
            assertThat(Duration.between(notices.get(i - 1), notices.get(i))).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
        }
        assertThat(events.count("online rdr")).isEqualTo(1);
        assertThat(events.startingWith("card")).isEmpty();

        // the line heals: the next probe brings it back
        reader.corruptEveryMac = false;
        wire.runUntil(() -> events.count("online rdr") == 2, STEP, Duration.ofMinutes(1))
                .orElseThrow(() -> new AssertionError("not back online: " + events.lines()));
    }

    @Test
    void aHealthyReaderStaysOnlineForMinutes() {
        FakeReader reader = new FakeReader(ADDRESS, KEY_A, false);
        PdWire wire = wire(true, reader);
        wire.run(STEP, Duration.ofMinutes(3));
        assertThat(events.lines()).containsExactly("online rdr");
        assertThat(reader.sessions.get()).isEqualTo(1);
    }
}
