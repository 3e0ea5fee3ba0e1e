package dev.warden.agent.osdp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.agent.testing.RecordingDeviceEvents;
import dev.warden.codec.osdp.OsdpCommand;
import dev.warden.codec.osdp.OsdpFrame;
import dev.warden.codec.osdp.OsdpFrameReader;
import dev.warden.codec.osdp.OsdpNakCode;
import dev.warden.codec.osdp.OsdpReadResult;
import dev.warden.codec.osdp.OsdpReply;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-reader state machine alone, with the standard timings and a hand-moved clock: sequence numbers, retries
 * with the same bytes, BUSY, NAK handling, offline after exactly 8 s without a valid reply, online on the first valid
 * reply after ID and CAP.
 */
class OsdpPeripheralTest {

    private static final int ADDRESS = 0x10;
    private final RecordingDeviceEvents events = new RecordingDeviceEvents();
    private final BusCounters counters = new BusCounters();
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    private final Peripheral pd = new Peripheral(new OsdpReaderSettings("rdr", ADDRESS, false, Map.of()), false, events,
            id -> java.util.Optional.empty(), OsdpTimings.standard(), counters, new SecureRandom(), t0);

    private static OsdpFrame sent(Peripheral.Outgoing out) {
        List<OsdpReadResult> read = new OsdpFrameReader().feed(out.bytes());
        return ((OsdpReadResult.Frame) read.getFirst()).frame();
    }

    private Peripheral.Outgoing next(Instant now) {
        return pd.next(now).orElseThrow();
    }

    private void answer(Peripheral.Outgoing out, OsdpReply reply, Instant now) {
        pd.onReply(OsdpFrame.reply(ADDRESS, out.sequence(), reply), now);
    }

    /** ID, CAP, then the status queries: online at {@code now}. */
    private void bringOnline(Instant now) {
        answer(next(now), new OsdpReply.PdId(1, 2, 3, 4, 5, 6, 7), now);
        answer(next(now), new OsdpReply.PdCap(List.of()), now);
        answer(next(now), new OsdpReply.LocalStatus(false, false), now);
        answer(next(now), new OsdpReply.InputStatus(List.of(false)), now);
    }

    @Test
    void startsWithIdAtSequenceZeroThenCountsOneTwoThreeOne() {
        Peripheral.Outgoing id = next(t0);
        assertThat(sent(id).code()).isEqualTo(OsdpCommand.ID);
        assertThat(id.sequence()).isZero();
        assertThat(id.resend()).isFalse();
        answer(id, new OsdpReply.PdId(1, 2, 3, 4, 5, 6, 7), t0);

        Peripheral.Outgoing cap = next(t0);
        assertThat(sent(cap).code()).isEqualTo(OsdpCommand.CAP);
        assertThat(cap.sequence()).isEqualTo(1);
        answer(cap, new OsdpReply.PdCap(List.of()), t0);
        // ID and CAP alone do not make a working reader: online comes with the first valid reply to a status query
        assertThat(events.lines()).isEmpty();

        int[] expected = {2, 3, 1, 2, 3, 1};
        int[] codes = {OsdpCommand.LSTAT, OsdpCommand.ISTAT, OsdpCommand.POLL, OsdpCommand.POLL, OsdpCommand.POLL,
            OsdpCommand.POLL};
        for (int i = 0; i < expected.length; i++) {
            Peripheral.Outgoing out = next(t0);
            assertThat(out.sequence()).isEqualTo(expected[i]);
            assertThat(sent(out).code()).isEqualTo(codes[i]);
            answer(out, new OsdpReply.Ack(), t0);
        }
        assertThat(events.lines()).containsExactly("online rdr");
    }

    @Test
    void withoutAReplyTheSameBytesGoAgainUntilEightSecondsHavePassed() {
        bringOnline(t0);
        Peripheral.Outgoing poll = next(t0);
        pd.onNoReply(t0.plusMillis(800));
        Peripheral.Outgoing again = next(t0.plusMillis(800));
        assertThat(again.bytes()).isEqualTo(poll.bytes());
        assertThat(again.sequence()).isEqualTo(poll.sequence());
        assertThat(again.resend()).isTrue();

        pd.onNoReply(t0.plus(Duration.ofMillis(7_999)));
        assertThat(events.startingWith("offline")).isEmpty();
        pd.onNoReply(t0.plus(OsdpBusSettings.OFFLINE_AFTER));
        assertThat(events.startingWith("offline")).containsExactly("offline rdr NO_REPLY");

        // offline: probed once a second with a single attempt, starting over at sequence 0
        Instant later = t0.plus(OsdpBusSettings.OFFLINE_AFTER);
        assertThat(pd.due(later.plusMillis(500))).isFalse();
        assertThat(pd.due(later.plusMillis(1_000))).isTrue();
        Peripheral.Outgoing probe = next(later.plusMillis(1_000));
        assertThat(probe.sequence()).isZero();
        assertThat(sent(probe).code()).isEqualTo(OsdpCommand.ID);

        // it answers again: online
        bringOnlineFrom(probe, later.plusMillis(1_000));
        assertThat(events.lines()).containsExactly("online rdr", "offline rdr NO_REPLY", "online rdr");
    }

    private void bringOnlineFrom(Peripheral.Outgoing id, Instant now) {
        answer(id, new OsdpReply.PdId(1, 2, 3, 4, 5, 6, 7), now);
        answer(next(now), new OsdpReply.PdCap(List.of()), now);
        answer(next(now), new OsdpReply.LocalStatus(false, false), now);
    }

    @Test
    void afterTheRetriesThePdStartsOverAtSequenceZero() {
        bringOnline(t0);
        Peripheral.Outgoing poll = next(t0);
        for (int i = 0; i < OsdpBusSettings.RETRIES; i++) {
            pd.onNoReply(t0.plusMillis(200L * (i + 1)));
            Peripheral.Outgoing resend = next(t0.plusMillis(200L * (i + 1)));
            assertThat(resend.bytes()).isEqualTo(poll.bytes());
            assertThat(resend.resend()).isTrue();
        }
        pd.onNoReply(t0.plusMillis(1_000));
        Peripheral.Outgoing fresh = next(t0.plusMillis(1_000));
        assertThat(fresh.resend()).isFalse();
        assertThat(fresh.sequence()).isZero();
        assertThat(sent(fresh).code()).isEqualTo(OsdpCommand.ID);
        assertThat(events.startingWith("offline")).isEmpty();
        assertThat(counters.get("restart_after_retries")).isEqualTo(1);
    }

    @Test
    void aValidReplyResetsTheOfflineClock() {
        bringOnline(t0);
        Instant t7 = t0.plusSeconds(7);
        answer(next(t7), new OsdpReply.Ack(), t7);
        next(t7);
        pd.onNoReply(t0.plusSeconds(14));
        assertThat(events.startingWith("offline")).isEmpty();
        pd.onNoReply(t0.plusSeconds(15));
        assertThat(events.startingWith("offline")).containsExactly("offline rdr NO_REPLY");
    }

    @Test
    void busyKeepsTheSameFrameAndSequence() {
        bringOnline(t0);
        Peripheral.Outgoing poll = next(t0);
        pd.onReply(OsdpFrame.reply(ADDRESS, 0, new OsdpReply.Busy()), t0);
        assertThat(next(t0).bytes()).isEqualTo(poll.bytes());
        assertThat(counters.get("busy")).isEqualTo(1);
    }

    @Test
    void aSequenceNakRestartsAtSequenceZero() {
        bringOnline(t0);
        answer(next(t0), new OsdpReply.Nak(OsdpNakCode.SEQUENCE), t0);
        Peripheral.Outgoing restart = next(t0);
        assertThat(restart.sequence()).isZero();
        assertThat(sent(restart).code()).isEqualTo(OsdpCommand.ID);
        assertThat(counters.get("nak_sequence")).isEqualTo(1);
    }

    @Test
    void queuedCommandsReplacePollsInOrder() {
        bringOnline(t0);
        pd.enqueue(new OsdpCommand.Buzzer(0, 2, 1, 0, 1), t0);
        pd.enqueue(new OsdpCommand.Output(List.of(new OsdpCommand.OutputControl(0, 5, 10))), t0);
        Peripheral.Outgoing first = next(t0);
        assertThat(sent(first).code()).isEqualTo(OsdpCommand.BUZ);
        answer(first, new OsdpReply.Ack(), t0);
        Peripheral.Outgoing second = next(t0);
        assertThat(sent(second).code()).isEqualTo(OsdpCommand.OUT);
        answer(second, new OsdpReply.Ack(), t0);
        assertThat(sent(next(t0)).code()).isEqualTo(OsdpCommand.POLL);
    }

    @Test
    void cardsKeysTamperAndInputsBecomeEvents() {
        bringOnline(t0);
        answer(next(t0), OsdpReply.RawCard.wiegand(0, "1011"), t0);
        answer(next(t0), new OsdpReply.Keypad(0, "12A#"), t0);
        answer(next(t0), new OsdpReply.LocalStatus(true, false), t0);
        answer(next(t0), new OsdpReply.LocalStatus(true, true), t0);
        answer(next(t0), new OsdpReply.InputStatus(List.of(false, true)), t0);
        answer(next(t0), new OsdpReply.InputStatus(List.of(true, true)), t0);
        assertThat(events.lines()).containsExactly("online rdr", "card rdr 1011", "keypad rdr 12#",
                "input rdr tamper true", "input rdr input1 true", "input rdr input0 true");
    }

    @Test
    void aCardOrKeysNamingAnotherReaderNumberAreRejectedNotTakenAsThisReaders() {
        // review L4: a PD with two reader heads reports the second as reader 1; it must not pass as this reader's card
        bringOnline(t0);
        answer(next(t0), OsdpReply.RawCard.wiegand(1, "1011"), t0);
        answer(next(t0), new OsdpReply.Keypad(2, "1234#"), t0);
        answer(next(t0), OsdpReply.RawCard.wiegand(0, "0110"), t0);
        assertThat(events.lines()).containsExactly("online rdr", "card rdr 0110");
        assertThat(counters.get("wrong_reader_number")).isEqualTo(2);
        assertThat(counters.get("card")).isEqualTo(1);
    }
}
