package dev.warden.agent.door;

import static dev.warden.agent.testing.Doors.LOBBY;
import static dev.warden.agent.testing.Doors.LOBBY_IN;
import static dev.warden.agent.testing.Doors.LOBBY_LOCK;
import static dev.warden.agent.testing.Doors.LOBBY_OUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.agent.codec.CodecWiegandDecoder;
import dev.warden.agent.health.Counters;
import dev.warden.agent.testing.Doors;
import dev.warden.agent.testing.FakeController;
import dev.warden.agent.testing.HeldController;
import dev.warden.agent.testing.RecordingDoor;
import dev.warden.agent.testing.RecordingDoor.Act;
import dev.warden.agent.testing.RecordingEvents;
import dev.warden.contract.AgentEventType;
import dev.warden.contract.CardData;
import dev.warden.contract.DecisionMessage;
import dev.warden.contract.Direction;
import dev.warden.contract.ReaderRead;
import dev.warden.contract.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AccessFlowTest {

    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final CardData ADA = new CardData("H10301", 12, 1001);
    /** PROTOCOLS.md vector: H10301 FC 1 / CN 1234 = 0x80826900 left-aligned, first 26 bits. */
    static final String H10301_FC1_CN1234 = "10000000100000100110100100";

    final RecordingDoor door = new RecordingDoor();
    final RecordingEvents events = new RecordingEvents();
    final Counters counters = new Counters();
    final AtomicInteger ids = new AtomicInteger();

    AccessFlow flow(AskController controller) {
        return new AccessFlow(new Site(List.of(Doors.lobby())), Duration.ofMillis(800), controller, door, events,
                new CodecWiegandDecoder(), CLOCK, () -> "req-" + ids.incrementAndGet(), counters);
    }

    static ReaderRead cardRead(CardData card) {
        return ReaderRead.ofCard("read-1", NOW, card);
    }

    static ReaderRead bitsRead(String bits) {
        return new ReaderRead("read-1", NOW, null, bits, null);
    }

    ReadOutcome present(AskController controller, String reader, ReaderRead read) {
        return flow(controller).onRead(reader, read).toCompletableFuture().join();
    }

    @Test
    void grantUnlocksTheDoorsLockForTheDecidedTimeAndShowsGreen() {
        FakeController controller = FakeController.granting(7000);

        ReadOutcome outcome = present(controller, LOBBY_IN, cardRead(ADA));

        assertThat(outcome).isEqualTo(new ReadOutcome.Granted("req-1", Duration.ofMillis(7000)));
        assertThat(door.acts()).containsExactly(
                new Act(LOBBY_LOCK, "UNLOCK", null, Duration.ofMillis(7000)),
                new Act(LOBBY_IN, "LED", "GREEN", Duration.ofMillis(7000)));
        assertThat(events.events()).isEmpty();
    }

    @Test
    void theRequestNamesDoorReaderDirectionCardAndAgentTime() {
        FakeController controller = FakeController.granting(0);
        ReaderRead read = new ReaderRead("read-9", NOW.minusSeconds(2), ADA, null, "4711");

        present(controller, LOBBY_OUT, read);

        var request = controller.requests().getFirst();
        assertThat(request.requestId()).isEqualTo("req-1");
        assertThat(request.doorId()).isEqualTo(LOBBY);
        assertThat(request.readerId()).isEqualTo(LOBBY_OUT);
        assertThat(request.direction()).isEqualTo(Direction.OUT);
        assertThat(request.card()).isEqualTo(ADA);
        assertThat(request.wiegand()).isNull();
        assertThat(request.pin()).isEqualTo("4711");
        assertThat(request.timestamp()).isEqualTo(NOW);
        assertThat(controller.timeouts()).containsExactly(Duration.ofMillis(800));
    }

    @Test
    void grantWithoutADurationUsesTheDoorsUnlockTime() {
        ReadOutcome outcome = present(FakeController.granting(0), LOBBY_IN, cardRead(ADA));

        assertThat(outcome).isEqualTo(new ReadOutcome.Granted("req-1", Duration.ofSeconds(5)));
        assertThat(door.acts().getFirst()).isEqualTo(new Act(LOBBY_LOCK, "UNLOCK", null, Duration.ofSeconds(5)));
    }

    @Test
    void denyShowsRedAndBeepsAndKeepsTheDoorLocked() {
        ReadOutcome outcome = present(FakeController.denying("OUTSIDE_SCHEDULE"), LOBBY_IN, cardRead(ADA));

        assertThat(outcome).isEqualTo(new ReadOutcome.Denied("req-1", "DENY", "OUTSIDE_SCHEDULE"));
        assertThat(door.acts()).containsExactly(
                new Act(LOBBY_IN, "LED", "RED", Feedback.DENIED_LED),
                new Act(LOBBY_IN, "BUZZER", null, Feedback.DENIED_BEEP));
        assertThat(door.unlocked()).isFalse();
    }

    @Test
    void aRejectedRequestIsTreatedLikeADenial() {
        FakeController controller = FakeController.answering(r -> new ControllerAnswer.Decided(
                DecisionMessage.rejected(r.requestId(), "INVALID_PAYLOAD", "bad card", NOW)));

        ReadOutcome outcome = present(controller, LOBBY_IN, cardRead(ADA));

        assertThat(outcome).isEqualTo(new ReadOutcome.Denied("req-1", "REJECTED", "INVALID_PAYLOAD"));
        assertThat(door.unlocked()).isFalse();
        assertThat(door.acts()).extracting(Act::color).contains("RED");
    }

    @Test
    void timeoutFailsSecureWithRedAndAnEventNotingIt() {
        ReadOutcome outcome = present(FakeController.silent(), LOBBY_IN, cardRead(ADA));

        assertThat(outcome).isEqualTo(new ReadOutcome.FailedSecure("req-1", ControllerAnswer.DECISION_TIMEOUT));
        assertThat(door.unlocked()).isFalse();
        assertThat(door.acts()).contains(new Act(LOBBY_IN, "LED", "RED", Feedback.DENIED_LED));
        assertThat(events.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AgentEventType.READ_REJECTED);
            assertThat(e.doorId()).isEqualTo(LOBBY);
            assertThat(e.deviceId()).isEqualTo(LOBBY_IN);
            assertThat(e.attributes())
                    .containsEntry("reason", "DECISION_TIMEOUT")
                    .containsEntry("outcome", "DENIED_FAIL_SECURE")
                    .containsEntry("requestId", "req-1")
                    .containsEntry("timeoutMs", "800");
        });
        assertThat(counters.get("decision.DECISION_TIMEOUT")).isEqualTo(1);
    }

    @Test
    void anUnreachableControllerAlsoFailsSecure() {
        FakeController controller = FakeController.answering(
                r -> new ControllerAnswer.NoAnswer(ControllerAnswer.CONTROLLER_UNREACHABLE, "not connected"));

        ReadOutcome outcome = present(controller, LOBBY_IN, cardRead(ADA));

        assertThat(outcome).isEqualTo(new ReadOutcome.FailedSecure("req-1", ControllerAnswer.CONTROLLER_UNREACHABLE));
        assertThat(door.unlocked()).isFalse();
        assertThat(events.events().getFirst().attributes()).containsEntry("reason", "CONTROLLER_UNREACHABLE");
    }

    @Test
    void aGrantForAnotherRequestIsNotObeyed() {
        FakeController controller = FakeController.answering(r -> new ControllerAnswer.Decided(
                new DecisionMessage("someone-else", Verdict.GRANT, "GRANTED", 5000, null, NOW)));

        ReadOutcome outcome = present(controller, LOBBY_IN, cardRead(ADA));

        assertThat(outcome).isEqualTo(new ReadOutcome.FailedSecure("req-1", "DECISION_MISMATCH"));
        assertThat(door.unlocked()).isFalse();
    }

    @Test
    void wiegandParityErrorIsRejectedAtTheEdgeWithoutAsking() {
        FakeController controller = FakeController.granting(5000);
        char[] bits = H10301_FC1_CN1234.toCharArray();
        bits[0] = bits[0] == '0' ? '1' : '0';

        ReadOutcome outcome = present(controller, LOBBY_IN, bitsRead(new String(bits)));

        assertThat(outcome).isInstanceOfSatisfying(ReadOutcome.RejectedAtEdge.class,
                r -> assertThat(r.reason()).isEqualTo("WIEGAND_PARITY_ERROR"));
        assertThat(controller.requests()).isEmpty();
        assertThat(door.acts()).containsExactly(new Act(LOBBY_IN, "LED", "RED", Feedback.DENIED_LED));
        assertThat(events.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AgentEventType.READ_REJECTED);
            assertThat(e.attributes()).containsEntry("reason", "WIEGAND_PARITY_ERROR").containsEntry("bits", "26");
        });
        assertThat(counters.get("read.rejected.WIEGAND_PARITY_ERROR")).isEqualTo(1);
    }

    @Test
    void wiegandOfUnknownLengthIsRejectedAtTheEdge() {
        FakeController controller = FakeController.granting(5000);

        ReadOutcome outcome = present(controller, LOBBY_IN, bitsRead("1010101"));

        assertThat(outcome).isInstanceOfSatisfying(ReadOutcome.RejectedAtEdge.class,
                r -> assertThat(r.reason()).isEqualTo("WIEGAND_UNKNOWN_LENGTH"));
        assertThat(controller.requests()).isEmpty();
    }

    @Test
    void validWiegandBitsAreDecodedLocallyAndAskedAsACard() {
        FakeController controller = FakeController.granting(5000);

        ReadOutcome outcome = present(controller, LOBBY_IN, bitsRead(H10301_FC1_CN1234));

        assertThat(outcome).isInstanceOf(ReadOutcome.Granted.class);
        assertThat(controller.requests().getFirst().card()).isEqualTo(new CardData("H10301", 1, 1234));
        assertThat(controller.requests().getFirst().wiegand()).isNull();
    }

    @Test
    void aStaleReadIsRefusedWithoutAsking() {
        FakeController controller = FakeController.granting(5000);
        ReaderRead old = ReaderRead.ofCard("read-old", NOW.minus(AccessFlow.MAX_READ_AGE).minusSeconds(1), ADA);

        ReadOutcome outcome = present(controller, LOBBY_IN, old);

        assertThat(outcome).isInstanceOfSatisfying(ReadOutcome.RejectedAtEdge.class,
                r -> assertThat(r.reason()).isEqualTo(AccessFlow.STALE_READ));
        assertThat(controller.requests()).isEmpty();
        assertThat(door.unlocked()).isFalse();
    }

    @Test
    void aReadFromAnUnknownReaderDoesNothing() {
        FakeController controller = FakeController.granting(5000);

        ReadOutcome outcome = present(controller, "rdr-elsewhere", cardRead(ADA));

        assertThat(outcome).isEqualTo(new ReadOutcome.UnknownReader("rdr-elsewhere"));
        assertThat(controller.requests()).isEmpty();
        assertThat(door.acts()).isEmpty();
        assertThat(counters.get("read.unknown-reader")).isEqualTo(1);
    }

    @Test
    void aSecondReadWhileTheFirstIsPendingIsRefusedAtTheEdgeWithoutAsking() {
        HeldController controller = new HeldController();
        AccessFlow flow = flow(controller);

        var first = flow.onRead(LOBBY_IN, cardRead(ADA)).toCompletableFuture();
        var pendingSecond = flow.onRead(LOBBY_IN, ReaderRead.ofCard("read-2", NOW, ADA)).toCompletableFuture();

        assertThat(first).isNotDone();
        assertThat(pendingSecond).as("refused at once, without waiting").isDone();
        assertThat(pendingSecond.getNow(null)).isInstanceOfSatisfying(ReadOutcome.RejectedAtEdge.class,
                r -> assertThat(r.reason()).isEqualTo(AccessFlow.READER_BUSY));
        assertThat(controller.requests()).hasSize(1);
        assertThat(door.acts()).containsExactly(new Act(LOBBY_IN, "LED", "RED", Feedback.DENIED_LED));
        assertThat(events.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(AgentEventType.READ_REJECTED);
            assertThat(e.doorId()).isEqualTo(LOBBY);
            assertThat(e.deviceId()).isEqualTo(LOBBY_IN);
            assertThat(e.attributes()).containsEntry("reason", AccessFlow.READER_BUSY).containsEntry("readId", "read-2");
        });
        assertThat(counters.get("read.rejected." + AccessFlow.READER_BUSY)).isEqualTo(1);
    }

    @Test
    void aFloodFromOneReaderCostsTheControllerOneRequest() {
        HeldController controller = new HeldController();
        AccessFlow flow = flow(controller);

        for (int i = 0; i < 500; i++) {
            flow.onRead(LOBBY_IN, ReaderRead.ofCard("read-" + i, NOW, ADA));
        }

        assertThat(controller.requests()).hasSize(1);
        assertThat(counters.get("read.rejected." + AccessFlow.READER_BUSY)).isEqualTo(499);
        assertThat(door.unlocked()).isFalse();
    }

    @Test
    void anotherReaderIsNotHeldUpByABusyOne() {
        HeldController controller = new HeldController();
        AccessFlow flow = flow(controller);

        flow.onRead(LOBBY_IN, cardRead(ADA));
        var other = flow.onRead(LOBBY_OUT, cardRead(ADA)).toCompletableFuture();

        assertThat(controller.requests()).extracting(r -> r.readerId()).containsExactly(LOBBY_IN, LOBBY_OUT);
        assertThat(other).isNotDone();
        assertThat(counters.get("read.rejected." + AccessFlow.READER_BUSY)).isZero();
    }

    @Test
    void theReaderIsFreeAgainOnceItsRequestIsDecided() {
        HeldController controller = new HeldController();
        AccessFlow flow = flow(controller);
        var first = flow.onRead(LOBBY_IN, cardRead(ADA)).toCompletableFuture();

        controller.answer(0, new ControllerAnswer.Decided(
                new DecisionMessage("req-1", Verdict.GRANT, "GRANTED", 0, null, NOW)));
        var second = flow.onRead(LOBBY_IN, ReaderRead.ofCard("read-2", NOW, ADA)).toCompletableFuture();

        assertThat(first.join()).isInstanceOf(ReadOutcome.Granted.class);
        assertThat(second).isNotDone();
        assertThat(controller.requests()).hasSize(2);
    }

    @Test
    void theReaderIsFreeAgainAfterATimeoutOrAFailedAsk() {
        HeldController controller = new HeldController();
        AccessFlow flow = flow(controller);
        var first = flow.onRead(LOBBY_IN, cardRead(ADA)).toCompletableFuture();
        controller.answer(0, new ControllerAnswer.NoAnswer(ControllerAnswer.DECISION_TIMEOUT, "no decision in time"));
        var second = flow.onRead(LOBBY_IN, cardRead(ADA)).toCompletableFuture();
        controller.fail(1, new IllegalStateException("adapter bug"));

        flow.onRead(LOBBY_IN, cardRead(ADA));

        assertThat(first.join()).isInstanceOf(ReadOutcome.FailedSecure.class);
        assertThat(second).isCompletedExceptionally();
        assertThat(controller.requests()).hasSize(3);
        assertThat(counters.get("read.rejected." + AccessFlow.READER_BUSY)).isZero();
    }

    @Test
    void theReaderIsFreeAgainWhenAskingThrows() {
        AtomicInteger asked = new AtomicInteger();
        AccessFlow flow = flow((request, timeout) -> {
            asked.incrementAndGet();
            throw new IllegalStateException("adapter bug");
        });

        for (int i = 0; i < 2; i++) {
            assertThat(flow.onRead(LOBBY_IN, cardRead(ADA)).toCompletableFuture())
                    .isCompletedExceptionally()
                    .failsWithin(Duration.ZERO).withThrowableThat().havingRootCause().isInstanceOf(IllegalStateException.class);
        }

        assertThat(asked).hasValue(2);
        assertThat(counters.get("read.rejected." + AccessFlow.READER_BUSY)).isZero();
    }

    /**
     * Verifies that, over many random answers, the lock is released only for a GRANT for this request (its id, or
     * no id since correlation data already matched it), and that every other outcome shows red.
     */
    @Test
    void theDoorOpensOnlyForAMatchingGrant() {
        Random random = new Random(20260302);
        String[] reasons = {"DECISION_TIMEOUT", "CONTROLLER_UNREACHABLE", "INVALID_DECISION"};
        for (int i = 0; i < 2_000; i++) {
            int kind = random.nextInt(5);
            int idMode = random.nextInt(3); // 0 our id, 1 no id, 2 someone else's id
            long unlockMs = random.nextInt(10_000);
            RecordingDoor caseDoor = new RecordingDoor();
            FakeController controller = FakeController.answering(r -> {
                String id = switch (idMode) {
                    case 0 -> r.requestId();
                    case 1 -> null;
                    default -> "other-" + r.requestId();
                };
                return switch (kind) {
                    case 0 -> new ControllerAnswer.Decided(new DecisionMessage(id, Verdict.GRANT, "GRANTED", unlockMs, null, NOW));
                    case 1 -> new ControllerAnswer.Decided(new DecisionMessage(id, Verdict.DENY, "NO_ACCESS_LEVEL", 0, null, NOW));
                    case 2 -> new ControllerAnswer.Decided(DecisionMessage.rejected(id, "MALFORMED_JSON", "x", NOW));
                    default -> new ControllerAnswer.NoAnswer(reasons[random.nextInt(reasons.length)], "none");
                };
            });
            AccessFlow f = new AccessFlow(new Site(List.of(Doors.lobby())), Duration.ofMillis(800), controller, caseDoor,
                    new RecordingEvents(), new CodecWiegandDecoder(), CLOCK, () -> "req-" + ids.incrementAndGet(), new Counters());

            ReadOutcome outcome = f.onRead(LOBBY_IN, cardRead(ADA)).toCompletableFuture().join();

            boolean expectOpen = kind == 0 && idMode != 2;
            assertThat(caseDoor.unlocked()).as("case %d: kind %d, id mode %d", i, kind, idMode).isEqualTo(expectOpen);
            assertThat(outcome instanceof ReadOutcome.Granted).isEqualTo(expectOpen);
            if (!expectOpen) {
                assertThat(caseDoor.acts()).extracting(Act::color).contains("RED");
            }
        }
    }
}
