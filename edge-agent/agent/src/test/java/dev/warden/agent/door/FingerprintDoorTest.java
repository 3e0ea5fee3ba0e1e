package dev.warden.agent.door;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.agent.codec.CodecWiegandDecoder;
import dev.warden.agent.config.DoorConfig;
import dev.warden.agent.config.ReaderConfig;
import dev.warden.agent.device.FingerprintScanner;
import dev.warden.agent.device.FingerprintScanner.FingerprintResult;
import dev.warden.agent.health.Counters;
import dev.warden.agent.testing.FakeController;
import dev.warden.agent.testing.RecordingDoor;
import dev.warden.agent.testing.RecordingDoor.Act;
import dev.warden.agent.testing.RecordingEvents;
import dev.warden.contract.CardData;
import dev.warden.contract.Direction;
import dev.warden.contract.FingerprintMatch;
import dev.warden.contract.ReaderRead;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A card + fingerprint door: the card, then the finger on the door's module, both sent to the controller. */
class FingerprintDoorTest {

    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    static final CardData ADA = new CardData("H10301", 12, 1001);
    static final DoorConfig CAGE = new DoorConfig("door-cage-a", Duration.ofSeconds(4),
            List.of(new ReaderConfig("rdr-cage-in", Direction.IN)), "lock-cage", null, "fp-cage");

    final RecordingDoor door = new RecordingDoor();
    final Counters counters = new Counters();
    final List<String> asked = new ArrayList<>();

    ReadOutcome present(FakeController controller, FingerprintResult finger) {
        FingerprintScanner scanner = (module, wait) -> {
            asked.add(module + " " + wait.toSeconds() + "s");
            return CompletableFuture.completedFuture(finger);
        };
        AccessFlow flow = new AccessFlow(new Site(List.of(CAGE)), Duration.ofMillis(800), controller, door,
                new RecordingEvents(), new CodecWiegandDecoder(), Clock.fixed(NOW, ZoneOffset.UTC), () -> "req-1", counters, scanner);
        return flow.onRead("rdr-cage-in", ReaderRead.ofCard("read-1", NOW, ADA)).toCompletableFuture().join();
    }

    @Test
    void aMatchedFingerGoesToTheControllerWithTheCard() {
        FakeController controller = FakeController.granting(0);

        ReadOutcome outcome = present(controller, new FingerprintResult.Match(7, 143));

        assertThat(asked).containsExactly("fp-cage 10s");
        assertThat(door.acts().getFirst()).as("the reader asks for the finger").isEqualTo(new Act("rdr-cage-in", "LED", "AMBER", AccessFlow.FINGER_WAIT));
        var request = controller.requests().getFirst();
        assertThat(request.card()).isEqualTo(ADA);
        assertThat(request.fingerprint()).isEqualTo(new FingerprintMatch("fp-cage", 7, 143));
        assertThat(outcome).isInstanceOf(ReadOutcome.Granted.class);
    }

    @Test
    void withoutAMatchTheControllerIsAskedWithoutAFingerprintAndDecides() {
        FakeController controller = FakeController.denying("SECOND_FACTOR_REQUIRED");

        ReadOutcome outcome = present(controller, new FingerprintResult.NoMatch());

        assertThat(controller.requests().getFirst().fingerprint()).isNull();
        assertThat(outcome).isEqualTo(new ReadOutcome.Denied("req-1", "DENY", "SECOND_FACTOR_REQUIRED"));
        assertThat(door.unlocked()).isFalse();
        assertThat(counters.snapshot()).containsEntry("fingerprint.NO_MATCH", 1L);
    }

    @Test
    void aModuleThatNeverAnswersFreesTheReaderAndTheControllerDecidesWithoutAFinger() {
        FakeController controller = FakeController.denying("SECOND_FACTOR_REQUIRED");
        FingerprintScanner silent = (module, wait) -> new CompletableFuture<>();
        AccessFlow flow = new AccessFlow(new Site(List.of(CAGE)), Duration.ofMillis(800), controller, door,
                new RecordingEvents(), new CodecWiegandDecoder(), Clock.fixed(NOW, ZoneOffset.UTC), () -> "req-1", counters, silent)
                .fingerprintTimeout(Duration.ofMillis(200));

        ReadOutcome outcome = flow.onRead("rdr-cage-in", ReaderRead.ofCard("read-1", NOW, ADA)).toCompletableFuture()
                .orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                .join();

        assertThat(outcome).isEqualTo(new ReadOutcome.Denied("req-1", "DENY", "SECOND_FACTOR_REQUIRED"));
        assertThat(controller.requests().getFirst().fingerprint()).isNull();
        assertThat(counters.snapshot()).containsEntry("fingerprint.FAILED", 1L);
    }

    @Test
    void noFingerOrAFailedModuleNeverGrantsByItself() {
        for (FingerprintResult r : List.of(new FingerprintResult.NoFinger("TIMEOUT"), new FingerprintResult.Failed("NO_REPLY"))) {
            FakeController controller = FakeController.denying("SECOND_FACTOR_REQUIRED");
            present(controller, r);
            assertThat(controller.requests().getFirst().fingerprint()).isNull();
        }
        assertThat(door.unlocked()).isFalse();
    }
}
