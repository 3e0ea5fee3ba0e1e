package dev.warden.sim.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.contract.ContractJson;
import dev.warden.contract.DeviceCommand;
import dev.warden.contract.DeviceState;
import dev.warden.contract.DoorCommand.Action;
import dev.warden.contract.Parsed;
import dev.warden.sim.config.DeviceKind;
import dev.warden.sim.config.DeviceSpec;
import dev.warden.sim.testing.RecordingChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimLockTest {

    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final RecordingChannel channel = new RecordingChannel();
    final SimLock lock = new SimLock(new DeviceSpec("lock-1", DeviceKind.LOCK, "door-1", null), Clock.systemUTC(), scheduler);

    SimLockTest() {
        lock.attach(channel);
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    List<DeviceState.State> states() {
        return channel.sent().stream()
                .peek(s -> assertThat(s.topic()).isEqualTo("warden/v1/devices/lock-1/state"))
                .peek(s -> assertThat(s.retained()).isTrue())
                .map(s -> ((Parsed.Ok<DeviceState>) ContractJson.parse(s.payload(), DeviceState.class)).value().state())
                .toList();
    }

    void command(Action action, long ms) {
        lock.onMessage(lock.commandTopic(), ContractJson.write(new DeviceCommand(action, ms, null)));
    }

    @Test
    void unlockReportsUnlockedThenLockedAfterTheDuration() {
        long[] heard = new long[1];
        lock.onUnlock(ms -> heard[0] = ms);
        CompletableFuture<Long> next = lock.nextUnlock();

        command(Action.UNLOCK, 150);

        assertThat(states()).containsExactly(DeviceState.State.UNLOCKED);
        assertThat(lock.state()).isEqualTo(DeviceState.State.UNLOCKED);
        assertThat(next).isCompletedWithValue(150L);
        assertThat(heard[0]).isEqualTo(150);
        await().atMost(Duration.ofSeconds(5)).until(() -> lock.state() == DeviceState.State.LOCKED);
        assertThat(states()).containsExactly(DeviceState.State.UNLOCKED, DeviceState.State.LOCKED);
    }

    @Test
    void lockLocksAtOnceAndCancelsThePendingRelock() {
        command(Action.UNLOCK, 60_000);
        command(Action.LOCK, 0);

        assertThat(lock.state()).isEqualTo(DeviceState.State.LOCKED);
        assertThat(states()).containsExactly(DeviceState.State.UNLOCKED, DeviceState.State.LOCKED);
    }

    @Test
    void announcesItsStateOnConnect() {
        lock.announce();

        assertThat(states()).containsExactly(DeviceState.State.LOCKED);
    }

    @Test
    void ignoresMalformedCommands() {
        lock.onMessage(lock.commandTopic(), "{\"action\":\"EXPLODE\"}".getBytes(StandardCharsets.UTF_8));
        lock.onMessage(lock.commandTopic(), "nope".getBytes(StandardCharsets.UTF_8));

        assertThat(lock.state()).isEqualTo(DeviceState.State.LOCKED);
        assertThat(channel.sent()).isEmpty();
    }
}
