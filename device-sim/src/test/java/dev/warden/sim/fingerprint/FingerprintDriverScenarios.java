package dev.warden.sim.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.agent.device.FingerprintScanner.FingerprintResult;
import dev.warden.agent.fingerprint.EnrollResult;
import dev.warden.agent.fingerprint.FingerprintBus;
import dev.warden.agent.fingerprint.FingerprintBusTiming;
import dev.warden.agent.fingerprint.FingerprintModuleSettings;
import dev.warden.agent.testing.RecordingDeviceEvents;
import dev.warden.serial.LinkOpener;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The agent's fingerprint driver against the simulated module: two implementations of the protocol written
 * independently. Subclasses provide the carrier (an in-memory line, a real pseudo-terminal) and what unplug and
 * replug mean on it.
 */
abstract class FingerprintDriverScenarios {

    static final long PASSWORD = 0x0000_2468L;
    static final FingerprintBusTiming TIMING = new FingerprintBusTiming(Duration.ofMillis(300), Duration.ofMillis(400),
            Duration.ofMillis(300), Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(300));
    static final Duration WAIT = Duration.ofSeconds(15);

    final SimFingerprintModule module = new SimFingerprintModule("fp-door-cage-a", 0xFFFF_FFFFL, PASSWORD);
    final RecordingDeviceEvents events = RecordingDeviceEvents.statusOnly("fingerprint");
    FingerprintBus bus;

    /** How the driver opens the line to the simulated module (the module is served on its other end). */
    abstract LinkOpener opener();

    /** Takes the line away (the device side closes). */
    abstract void unplug() throws Exception;

    /** Brings a new line to the same place and serves the same module on it. */
    abstract void replug() throws Exception;

    @AfterEach
    void closeBus() {
        if (bus != null) {
            bus.close();
        }
    }

    FingerprintBus start(long password) {
        bus = FingerprintBus.start("fp-1",
                List.of(new FingerprintModuleSettings(module.id(), module.address(), password)), opener(), events,
                Clock.systemUTC(), TIMING);
        return bus;
    }

    static <T> T result(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    /**
     * One identification as a person makes it: nothing on the sensor when the host starts asking, the finger put
     * down once the host has seen the sensor empty (the driver never uses a finger that was there before it asked).
     */
    FingerprintResult identifyWith(String finger, Duration wait) throws Exception {
        module.liftFinger();
        long empty = module.emptyScans();
        CompletionStage<FingerprintResult> stage = bus.identify(module.id(), wait);
        await().atMost(WAIT).until(() -> module.emptyScans() > empty || stage.toCompletableFuture().isDone());
        module.placeFinger(finger);
        try {
            return result(stage);
        } finally {
            module.liftFinger();
        }
    }

    void awaitOnline() {
        await().atMost(WAIT).until(() -> events.last(module.id()).equals("online " + module.id()));
    }

    @Test
    void identifiesAMatchANonMatchAndNoFinger() throws Exception {
        module.enroll(4, "alice");
        module.enroll(9, "bob");
        start(PASSWORD);
        awaitOnline();
        assertThat(identifyWith("bob", Duration.ofSeconds(2)))
                .isEqualTo(new FingerprintResult.Match(9, SimFingerprintModule.scoreFor("bob")));
        assertThat(identifyWith("mallory", Duration.ofSeconds(2))).isEqualTo(new FingerprintResult.NoMatch());
        assertThat(result(bus.identify(module.id(), Duration.ofMillis(300))))
                .isEqualTo(new FingerprintResult.NoFinger("NO_FINGER"));
    }

    @Test
    void enrolsThenIdentifiesThenDeletes() throws Exception {
        start(PASSWORD);
        awaitOnline();
        module.placeFinger("carol");
        long before = module.commands();
        CompletionStage<EnrollResult> enrolling = bus.enroll(module.id(), 21, Duration.ofSeconds(10));
        // GenImg and Img2Tz of the first capture, then GenImg while the finger is still there
        await().atMost(WAIT).until(() -> module.commands() >= before + 3);
        module.liftFinger();
        long lifted = module.commands();
        await().atMost(WAIT).until(() -> module.commands() >= lifted + 2);
        module.placeFinger("carol");
        assertThat(result(enrolling)).isEqualTo(new EnrollResult.Enrolled(21));
        assertThat(module.enrolled()).containsEntry(21, "carol");

        assertThat(identifyWith("carol", Duration.ofSeconds(2)))
                .isEqualTo(new FingerprintResult.Match(21, SimFingerprintModule.scoreFor("carol")));
        assertThat(result(bus.delete(module.id(), 21))).isTrue();
        assertThat(module.enrolled()).doesNotContainKey(21);
        assertThat(identifyWith("carol", Duration.ofSeconds(2))).isEqualTo(new FingerprintResult.NoMatch());
    }

    @Test
    void aWrongPasswordIsOfflineBadPassword() throws Exception {
        module.enroll(4, "alice");
        start(PASSWORD + 1);
        await().atMost(WAIT).until(() -> events.has("offline " + module.id() + " BAD_PASSWORD"));
        module.placeFinger("alice");
        assertThat(result(bus.identify(module.id(), Duration.ofSeconds(1))))
                .isEqualTo(new FingerprintResult.Failed("BAD_PASSWORD"));
        assertThat(module.passwordVerified()).isFalse();
        assertThat(events.lines()).doesNotContain("online " + module.id());
    }

    @Test
    void unplugIsOfflineLinkDownAndReplugComesBackOnline() throws Exception {
        module.enroll(4, "alice");
        start(PASSWORD);
        awaitOnline();
        unplug();
        await().atMost(WAIT).until(() -> events.last(module.id()).equals("offline " + module.id() + " LINK_DOWN"));
        replug();
        awaitOnline();
        assertThat(identifyWith("alice", Duration.ofSeconds(2)))
                .isEqualTo(new FingerprintResult.Match(4, SimFingerprintModule.scoreFor("alice")));
        assertThat(events.lines()).containsExactly("online " + module.id(), "offline " + module.id() + " LINK_DOWN",
                "online " + module.id());
    }

    @Test
    void survivesGarbageAndRecoversFromCorruptSilentAndSlowReplies() throws Exception {
        module.enroll(4, "alice");
        start(PASSWORD);
        awaitOnline();
        module.fault(SimFingerprintModule.Fault.GARBAGE);
        assertThat(identifyWith("alice", Duration.ofSeconds(2))).isInstanceOf(FingerprintResult.Match.class);
        assertThat(bus.rejectedFrames()).isPositive();

        for (SimFingerprintModule.Fault fault : List.of(SimFingerprintModule.Fault.BAD_CRC,
                SimFingerprintModule.Fault.TRUNCATED, SimFingerprintModule.Fault.SILENT,
                SimFingerprintModule.Fault.SLOW)) {
            module.slowDelay(Duration.ofMillis(700));
            module.fault(fault);
            await(fault.name()).atMost(WAIT)
                    .until(() -> events.last(module.id()).equals("offline " + module.id() + " NO_REPLY"));
            module.fault(SimFingerprintModule.Fault.NONE);
            awaitOnline();
        }
        assertThat(identifyWith("alice", Duration.ofSeconds(2)))
                .isEqualTo(new FingerprintResult.Match(4, SimFingerprintModule.scoreFor("alice")));
    }
}
