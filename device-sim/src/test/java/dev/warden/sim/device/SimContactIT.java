package dev.warden.sim.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.warden.contract.ContractJson;
import dev.warden.contract.DeviceState;
import dev.warden.contract.Parsed;
import dev.warden.sim.config.DeviceKind;
import dev.warden.sim.config.DeviceSpec;
import dev.warden.sim.testing.RecordingChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Verifies the contact's passages: the usual one, one held open for longer, and a forced door. An integration test: the
 * contact runs on a real scheduler and the real clock, as in the simulator, so the timings are checked with wide bounds.
 */
class SimContactIT {

    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final RecordingChannel channel = new RecordingChannel();
    final SimContact contact = new SimContact(new DeviceSpec("dc-1", DeviceKind.CONTACT, "door-1", null), Clock.systemUTC(), scheduler);

    SimContactIT() {
        contact.attach(channel);
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** The states published, each with the device time it was reported at. */
    List<DeviceState> states() {
        return channel.sent().stream()
                .map(s -> ((Parsed.Ok<DeviceState>) ContractJson.parse(s.payload(), DeviceState.class)).value())
                .toList();
    }

    Duration openFor(int passage) {
        List<DeviceState> s = states();
        return Duration.between(s.get(2 * passage).at(), s.get(2 * passage + 1).at());
    }

    @Test
    void aReleaseOpensTheDoorForTheUsualTime() {
        contact.doorUnlocked(3000);

        await().atMost(Duration.ofSeconds(5)).until(() -> states().size() == 2);
        assertThat(states()).extracting(DeviceState::state).containsExactly(DeviceState.State.OPEN, DeviceState.State.CLOSED);
        assertThat(openFor(0)).isBetween(SimContact.CLOSED_AFTER.minusMillis(50), SimContact.CLOSED_AFTER.plusMillis(1500));
    }

    @Test
    void aHeldPassageStaysOpenForTheAskedTimeAndOnlyThatOne() {
        contact.holdNextPassage(Duration.ofMillis(2500));

        contact.doorUnlocked(3000);
        await().atMost(Duration.ofSeconds(6)).until(() -> states().size() == 2);
        contact.doorUnlocked(3000);
        await().atMost(Duration.ofSeconds(6)).until(() -> states().size() == 4);

        assertThat(openFor(0)).isBetween(Duration.ofMillis(2450), Duration.ofMillis(4000));
        assertThat(openFor(1)).isLessThan(Duration.ofMillis(2450));
        assertThatThrownBy(() -> contact.holdNextPassage(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aForcedDoorOpensAtOnceWithoutARelease() {
        assertThat(contact.forceOpen(Duration.ofMillis(800))).isTrue();

        await().atMost(Duration.ofSeconds(1)).until(() -> contact.state() == DeviceState.State.OPEN);
        assertThat(contact.forceOpen(Duration.ofMillis(800))).as("already open").isFalse();
        contact.doorUnlocked(3000); // a release while it is open is no new passage
        await().atMost(Duration.ofSeconds(5)).until(() -> states().size() == 2);
        assertThat(states()).extracting(DeviceState::state).containsExactly(DeviceState.State.OPEN, DeviceState.State.CLOSED);
        assertThat(openFor(0)).isBetween(Duration.ofMillis(750), Duration.ofMillis(2300));
    }
}
