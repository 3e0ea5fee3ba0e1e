package dev.warden.agent.fingerprint;

import dev.warden.agent.testing.ErrorInjectingOpener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.agent.device.FingerprintScanner.FingerprintResult;
import dev.warden.agent.testing.RecordingDeviceEvents;
import dev.warden.serial.MemoryCable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Verifies that a finger is counted only for the request it was placed for, and that no request is left waiting:
 * a finger already on the sensor when an identify starts is never used (it must be lifted and placed again); one
 * identify or enrol per module at a time ({@code MODULE_BUSY}); a bounded work queue ({@code QUEUE_FULL}); an
 * {@link Error} on the bus thread fails the running and queued operations with {@code BUS_FAILED} and the bus goes
 * on working. (Security review F4, F5.)
 */
class FingerprintBusSafetyTest {

    private static final long ADDRESS = 0xFFFF_FFFFL;
    private static final long SECOND_ADDRESS = 0x0000_0002L;
    private static final long PASSWORD = 0x0000_1234L;
    private static final FingerprintBusTiming FAST = new FingerprintBusTiming(Duration.ofMillis(150),
            Duration.ofMillis(200), Duration.ofMillis(150), Duration.ofMillis(10), Duration.ofMillis(20),
            Duration.ofMillis(100));
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final TestFingerprintModule module = new TestFingerprintModule(ADDRESS, PASSWORD)
            .enroll(3, "alice-right-index").enroll(7, "bob-left-thumb");
    private final TestFingerprintModule second = new TestFingerprintModule(SECOND_ADDRESS, 0).enroll(1, "erin");
    private final List<TestFingerprintModule> modules = new CopyOnWriteArrayList<>(List.of(module, second));
    private final MemoryCable line = MemoryCable.create("fp-1");
    private final ErrorInjectingOpener opener =
            new ErrorInjectingOpener(line.hostOpener(link -> TestFingerprintModule.serve(link, modules)));
    private final RecordingDeviceEvents events = RecordingDeviceEvents.statusOnly("fingerprint");
    private FingerprintBus bus;

    @AfterEach
    void close() {
        if (bus != null) {
            bus.close();
        }
    }

    /** Starts the bus with fp-a ({@link #module}) and fp-b ({@link #second}) and waits until both are online. */
    private FingerprintBus start() {
        bus = FingerprintBus.start("fp-1", List.of(new FingerprintModuleSettings("fp-a", ADDRESS, PASSWORD),
                new FingerprintModuleSettings("fp-b", SECOND_ADDRESS, 0)), opener, events, Clock.systemUTC(), FAST);
        await().atMost(WAIT).until(() -> events.has("online fp-a", "online fp-b"));
        return bus;
    }

    private static <T> T result(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Starts an identify and waits until the driver polls the (empty) sensor for a finger. */
    private CompletionStage<FingerprintResult> identifyWaiting(TestFingerprintModule on, String moduleId)
            throws Exception {
        int before = on.noFingerAnswers.get();
        CompletionStage<FingerprintResult> pending = bus.identify(moduleId, Duration.ofSeconds(5));
        await().atMost(WAIT).until(() -> on.noFingerAnswers.get() > before);
        return pending;
    }

    private FingerprintResult identifyPlacing(TestFingerprintModule on, String moduleId, String finger)
            throws Exception {
        CompletionStage<FingerprintResult> pending = identifyWaiting(on, moduleId);
        on.placeFinger(finger);
        return result(pending);
    }

    // ------------------------------------------------------------------ F5: whose finger it is

    @Test
    void aFingerAlreadyOnTheSensorWhenIdentifyStartsIsNeverUsed() throws Exception {
        start();
        module.placeFinger("alice-right-index");
        int templates = module.templates.get();

        assertThat(result(bus.identify("fp-a", Duration.ofMillis(400))))
                .isEqualTo(new FingerprintResult.NoFinger(FingerprintBus.NOT_LIFTED));
        assertThat(module.templates.get()).as("never turned into a template").isEqualTo(templates);
        assertThat(module.searches.get()).isZero();
    }

    @Test
    void aFingerOnTheSensorCountsOnceItWasLiftedAndPlacedAgain() throws Exception {
        start();
        module.placeFinger("alice-right-index");
        int captures = module.captures.get();
        CompletionStage<FingerprintResult> pending = bus.identify("fp-a", Duration.ofSeconds(5));
        await().atMost(WAIT).until(() -> module.captures.get() > captures + 2);
        assertThat(pending.toCompletableFuture()).isNotDone();

        module.liftFinger();
        int empty = module.noFingerAnswers.get();
        await().atMost(WAIT).until(() -> module.noFingerAnswers.get() > empty);
        module.placeFinger("bob-left-thumb");

        assertThat(result(pending)).isEqualTo(new FingerprintResult.Match(7, TestFingerprintModule.scoreOf("bob-left-thumb")));
    }

    @Test
    void theFingerLeftOnTheSensorAfterOneRequestIsNotCountedForTheNext() throws Exception {
        start();
        assertThat(identifyPlacing(module, "fp-a", "alice-right-index")).isInstanceOf(FingerprintResult.Match.class);
        // alice leaves her finger there; the next card at the door must not be granted with it
        assertThat(result(bus.identify("fp-a", Duration.ofMillis(300))))
                .isEqualTo(new FingerprintResult.NoFinger(FingerprintBus.NOT_LIFTED));
    }

    @Test
    void aSecondIdentifyOrAnEnrolForABusyModuleFailsAtOnceWithModuleBusy() throws Exception {
        start();
        CompletionStage<FingerprintResult> first = identifyWaiting(module, "fp-a");

        assertThat(bus.identify("fp-a", Duration.ofSeconds(5)).toCompletableFuture())
                .isCompletedWithValue(new FingerprintResult.Failed(FingerprintBus.MODULE_BUSY));
        assertThat(bus.enroll("fp-a", 20, Duration.ofSeconds(5)).toCompletableFuture())
                .isCompletedWithValue(new EnrollResult.Failed(FingerprintBus.MODULE_BUSY));

        module.placeFinger("alice-right-index");
        assertThat(result(first)).isInstanceOf(FingerprintResult.Match.class);
        // the module is free again as soon as the first one completed
        module.liftFinger();
        assertThat(identifyPlacing(module, "fp-a", "bob-left-thumb")).isInstanceOf(FingerprintResult.Match.class);
    }

    @Test
    void aQueuedIdentifyAlreadyMakesItsModuleBusyWhileOtherModulesAreFree() throws Exception {
        start();
        CompletionStage<FingerprintResult> onB = identifyWaiting(second, "fp-b");
        CompletionStage<FingerprintResult> queuedOnA = bus.identify("fp-a", Duration.ofSeconds(5));

        assertThat(bus.identify("fp-a", Duration.ofSeconds(5)).toCompletableFuture())
                .isCompletedWithValue(new FingerprintResult.Failed(FingerprintBus.MODULE_BUSY));
        assertThat(queuedOnA.toCompletableFuture()).isNotDone();

        second.placeFinger("erin");
        assertThat(result(onB)).isEqualTo(new FingerprintResult.Match(1, TestFingerprintModule.scoreOf("erin")));
        int empty = module.noFingerAnswers.get();
        await().atMost(WAIT).until(() -> module.noFingerAnswers.get() > empty);
        module.placeFinger("bob-left-thumb");
        assertThat(result(queuedOnA)).isInstanceOfSatisfying(FingerprintResult.Match.class,
                m -> assertThat(m.pageId()).isEqualTo(7));
    }

    // ------------------------------------------------------------------ F4: nothing left waiting

    @Test
    void aFullQueueRefusesMoreWorkAtOnce() throws Exception {
        start();
        CompletionStage<FingerprintResult> running = identifyWaiting(module, "fp-a");
        List<CompletableFuture<Boolean>> deletes = new ArrayList<>();
        for (int i = 0; i < FingerprintBus.QUEUE_CAPACITY; i++) {
            deletes.add(bus.delete("fp-b", 100 + i).toCompletableFuture());
        }
        assertThat(deletes).noneMatch(CompletableFuture::isDone);

        assertThat(bus.delete("fp-b", 99).toCompletableFuture()).isCompletedWithValue(false);
        assertThat(bus.identify("fp-b", Duration.ofSeconds(5)).toCompletableFuture())
                .isCompletedWithValue(new FingerprintResult.Failed(FingerprintBus.QUEUE_FULL));

        module.placeFinger("alice-right-index");
        assertThat(result(running)).isInstanceOf(FingerprintResult.Match.class);
        for (CompletableFuture<Boolean> delete : deletes) {
            assertThat(result(delete)).isTrue();
        }
        // the refused identify did not leave fp-b busy
        assertThat(identifyPlacing(second, "fp-b", "erin")).isInstanceOf(FingerprintResult.Match.class);
    }

    @Test
    void anErrorOnTheBusThreadFailsTheRunningAndQueuedOperationsAndTheBusCarriesOn() throws Exception {
        start();
        CompletionStage<FingerprintResult> identifying = identifyWaiting(module, "fp-a");
        CompletionStage<EnrollResult> enrolling = bus.enroll("fp-b", 5, Duration.ofSeconds(5));
        CompletionStage<Boolean> deleting = bus.delete("fp-b", 1);

        opener.failNextRead();

        assertThat(result(identifying)).isEqualTo(new FingerprintResult.Failed(FingerprintBus.BUS_FAILED));
        assertThat(result(enrolling)).isEqualTo(new EnrollResult.Failed(FingerprintBus.BUS_FAILED));
        assertThat(result(deleting)).isFalse();
        assertThat(second.library()).containsKey(1);
        assertThat(events.lines()).contains("offline fp-a BUS_FAILED", "offline fp-b BUS_FAILED");

        // the bus reopens the line and works as before; the modules are free again
        await().atMost(WAIT).until(() -> events.last("fp-a").equals("online fp-a")
                && events.last("fp-b").equals("online fp-b"));
        assertThat(identifyPlacing(module, "fp-a", "alice-right-index"))
                .isEqualTo(new FingerprintResult.Match(3, TestFingerprintModule.scoreOf("alice-right-index")));
        assertThat(identifyPlacing(second, "fp-b", "erin")).isInstanceOf(FingerprintResult.Match.class);
    }
}
