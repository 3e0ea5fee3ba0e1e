package dev.warden.agent.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.warden.agent.device.FingerprintScanner.FingerprintResult;
import dev.warden.agent.testing.RecordingDeviceEvents;
import dev.warden.serial.LinkOpener;
import dev.warden.serial.MemoryCable;
import dev.warden.serial.SerialLink;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Verifies the fingerprint driver against a test-side module over an in-memory line: identify, enrol, delete,
 * password handling, silence, garbage on the line, and unplug/replug with backoff.
 */
class FingerprintBusTest {

    private static final long ADDRESS = 0xFFFF_FFFFL;
    private static final long PASSWORD = 0x0000_1234L;
    private static final FingerprintBusTiming FAST = new FingerprintBusTiming(Duration.ofMillis(150),
            Duration.ofMillis(200), Duration.ofMillis(150), Duration.ofMillis(10), Duration.ofMillis(20),
            Duration.ofMillis(100));
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final TestFingerprintModule module = new TestFingerprintModule(ADDRESS, PASSWORD)
            .enroll(3, "alice-right-index").enroll(7, "bob-left-thumb");
    private final List<TestFingerprintModule> modules = new CopyOnWriteArrayList<>(List.of(module));
    private final MemoryCable line = MemoryCable.create("fp-1");
    private final LinkOpener opener = line.hostOpener(link -> TestFingerprintModule.serve(link, modules));
    private final RecordingDeviceEvents events = RecordingDeviceEvents.statusOnly("fingerprint");
    private FingerprintBus bus;

    @AfterEach
    void close() {
        if (bus != null) {
            bus.close();
        }
    }

    private FingerprintBus start(FingerprintModuleSettings... settings) {
        bus = FingerprintBus.start("fp-1", List.of(settings), opener, events, Clock.systemUTC(), FAST);
        return bus;
    }

    private static FingerprintModuleSettings fp(String id) {
        return new FingerprintModuleSettings(id, ADDRESS, PASSWORD);
    }

    private static <T> T result(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /**
     * Identifies on {@code moduleId} with {@code finger} placed during the wait, once the driver has seen the sensor
     * empty: what a person does after presenting the card.
     */
    private FingerprintResult identifyPlacing(TestFingerprintModule on, String moduleId, String finger) throws Exception {
        int before = on.noFingerAnswers.get();
        CompletionStage<FingerprintResult> pending = bus.identify(moduleId, Duration.ofSeconds(5));
        await().atMost(WAIT).until(() -> on.noFingerAnswers.get() > before);
        on.placeFinger(finger);
        return result(pending);
    }

    @Test
    void verifiesThePasswordAndGoesOnline() {
        start(fp("fp-a"));
        await().atMost(WAIT).until(() -> events.has("online fp-a"));
        assertThat(events.lines()).containsExactly("online fp-a");
    }

    @Test
    void identifiesAnEnrolledFingerWithItsPageAndScore() throws Exception {
        start(fp("fp-a"));
        assertThat(identifyPlacing(module, "fp-a", "bob-left-thumb"))
                .isEqualTo(new FingerprintResult.Match(7, TestFingerprintModule.scoreOf("bob-left-thumb")));
    }

    @Test
    void aFingerNotInTheLibraryIsNoMatch() throws Exception {
        start(fp("fp-a"));
        assertThat(identifyPlacing(module, "fp-a", "mallory")).isEqualTo(new FingerprintResult.NoMatch());
    }

    @Test
    void noFingerWithinTheWaitIsNoFinger() throws Exception {
        start(fp("fp-a"));
        await().atMost(WAIT).until(() -> events.has("online fp-a"));
        int before = module.captures.get();
        assertThat(result(bus.identify("fp-a", Duration.ofMillis(300))))
                .isEqualTo(new FingerprintResult.NoFinger("NO_FINGER"));
        assertThat(module.captures.get() - before).as("GenImg polled while waiting").isGreaterThan(2);
    }

    @Test
    void aFingerPlacedDuringTheWaitIsRead() throws Exception {
        start(fp("fp-a"));
        await().atMost(WAIT).until(() -> events.has("online fp-a"));
        int before = module.noFingerAnswers.get();
        CompletionStage<FingerprintResult> pending = bus.identify("fp-a", Duration.ofSeconds(5));
        await().atMost(WAIT).until(() -> module.noFingerAnswers.get() > before + 2);
        module.placeFinger("alice-right-index");
        assertThat(result(pending)).isInstanceOfSatisfying(FingerprintResult.Match.class,
                m -> assertThat(m.pageId()).isEqualTo(3));
    }

    @Test
    void enrolsWithTwoCapturesAndALiftThenIdentifiesTheNewFinger() throws Exception {
        start(fp("fp-a"));
        await().atMost(WAIT).until(() -> events.has("online fp-a"));
        module.placeFinger("carol-right-ring");
        int capturesBefore = module.captures.get();
        CompletionStage<EnrollResult> enrolling = bus.enroll("fp-a", 12, Duration.ofSeconds(5));
        await().atMost(WAIT).until(() -> module.captures.get() > capturesBefore);
        module.liftFinger();
        int noFinger = module.noFingerAnswers.get();
        await().atMost(WAIT).until(() -> module.noFingerAnswers.get() > noFinger);
        module.placeFinger("carol-right-ring");

        assertThat(result(enrolling)).isEqualTo(new EnrollResult.Enrolled(12));
        assertThat(module.library()).containsEntry(12, "carol-right-ring");
        module.liftFinger();
        assertThat(identifyPlacing(module, "fp-a", "carol-right-ring")).isInstanceOfSatisfying(
                FingerprintResult.Match.class, m -> assertThat(m.pageId()).isEqualTo(12));
    }

    @Test
    void enrolWithoutLiftingTheFingerIsNotLifted() throws Exception {
        start(fp("fp-a"));
        module.placeFinger("carol-right-ring");
        assertThat(result(bus.enroll("fp-a", 12, Duration.ofMillis(300)))).isEqualTo(new EnrollResult.NotLifted());
        assertThat(module.library()).doesNotContainKey(12);
    }

    @Test
    void enrolWithTwoDifferentFingersIsAMismatch() throws Exception {
        start(fp("fp-a"));
        await().atMost(WAIT).until(() -> events.has("online fp-a"));
        module.placeFinger("carol-right-ring");
        int capturesBefore = module.captures.get();
        CompletionStage<EnrollResult> enrolling = bus.enroll("fp-a", 12, Duration.ofSeconds(5));
        await().atMost(WAIT).until(() -> module.captures.get() > capturesBefore);
        module.liftFinger();
        int noFinger = module.noFingerAnswers.get();
        await().atMost(WAIT).until(() -> module.noFingerAnswers.get() > noFinger);
        module.placeFinger("dave-left-index");
        assertThat(result(enrolling)).isEqualTo(new EnrollResult.Mismatch());
    }

    @Test
    void enrolAtAPageBeyondTheLibraryIsBadPageAndWithoutAFingerIsNoFinger() throws Exception {
        start(fp("fp-a"));
        assertThat(result(bus.enroll("fp-a", 5, Duration.ofMillis(100))))
                .isEqualTo(new EnrollResult.NoFinger(1, "NO_FINGER"));
        assertThat(result(bus.enroll("fp-a", -1, Duration.ofMillis(100)))).isEqualTo(new EnrollResult.Failed("BAD_PAGE"));
        module.placeFinger("carol-right-ring");
        CompletionStage<EnrollResult> enrolling = bus.enroll("fp-a", TestFingerprintModule.LIBRARY_SIZE,
                Duration.ofSeconds(5));
        await().atMost(WAIT).until(() -> module.captures.get() > 0);
        module.liftFinger();
        int noFinger = module.noFingerAnswers.get();
        await().atMost(WAIT).until(() -> module.noFingerAnswers.get() > noFinger);
        module.placeFinger("carol-right-ring");
        assertThat(result(enrolling)).isEqualTo(new EnrollResult.Failed("BAD_PAGE"));
    }

    @Test
    void deletesATemplate() throws Exception {
        start(fp("fp-a"));
        assertThat(result(bus.delete("fp-a", 3))).isTrue();
        assertThat(module.library()).doesNotContainKey(3).containsKey(7);
        assertThat(identifyPlacing(module, "fp-a", "alice-right-index")).isEqualTo(new FingerprintResult.NoMatch());
    }

    @Test
    void aWrongPasswordIsOfflineBadPasswordAndOperationsFail() throws Exception {
        start(new FingerprintModuleSettings("fp-a", ADDRESS, 0x9999));
        await().atMost(WAIT).until(() -> events.has("offline fp-a BAD_PASSWORD"));
        module.placeFinger("alice-right-index");
        assertThat(result(bus.identify("fp-a", Duration.ofSeconds(1))))
                .isEqualTo(new FingerprintResult.Failed("BAD_PASSWORD"));
        assertThat(result(bus.delete("fp-a", 3))).isFalse();
        assertThat(module.library()).containsKey(3);
        // health checks retry the password without repeating the event
        int captures = module.captures.get();
        int checks = module.passwordChecks.get();
        await().atMost(WAIT).until(() -> module.passwordChecks.get() > checks + 2);
        assertThat(events.lines()).containsExactly("offline fp-a BAD_PASSWORD");
        assertThat(module.captures.get()).isEqualTo(captures);
    }

    @Test
    void aSilentModuleGoesOfflineNoReplyAndComesBack() throws Exception {
        start(fp("fp-a"));
        await().atMost(WAIT).until(() -> events.has("online fp-a"));
        module.silent = true;
        await().atMost(WAIT).until(() -> events.last("fp-a").equals("offline fp-a NO_REPLY"));
        assertThat(result(bus.identify("fp-a", Duration.ofMillis(100)))).isEqualTo(new FingerprintResult.Failed("NO_REPLY"));
        module.silent = false;
        await().atMost(WAIT).until(() -> events.last("fp-a").equals("online fp-a"));
        assertThat(events.lines()).containsExactly("online fp-a", "offline fp-a NO_REPLY", "online fp-a");
    }

    @Test
    void garbageOnTheLineIsRejectedCountedAndSurvived() throws Exception {
        module.garbageBeforeReplies = true;
        start(fp("fp-a"));
        assertThat(identifyPlacing(module, "fp-a", "alice-right-index")).isInstanceOf(FingerprintResult.Match.class);
        assertThat(bus.rejectedFrames()).isPositive();
        assertThat(events.lines()).containsExactly("online fp-a");
    }

    @Test
    void unplugIsOfflineLinkDownAndReplugRecovers() throws Exception {
        start(fp("fp-a"));
        await().atMost(WAIT).until(() -> events.has("online fp-a"));
        line.hangUp();
        await().atMost(WAIT).until(() -> events.last("fp-a").equals("offline fp-a LINK_DOWN"));
        assertThat(result(bus.identify("fp-a", Duration.ofSeconds(1)))).isEqualTo(new FingerprintResult.Failed("LINK_DOWN"));
        int opens = line.opens();
        line.replug();
        await().atMost(WAIT).until(() -> events.last("fp-a").equals("online fp-a"));
        assertThat(line.opens()).isEqualTo(opens + 1);
        assertThat(identifyPlacing(module, "fp-a", "alice-right-index")).isInstanceOf(FingerprintResult.Match.class);
        assertThat(events.lines()).containsExactly("online fp-a", "offline fp-a LINK_DOWN", "online fp-a");
    }

    @Test
    void aLinkThatDropsDuringAnIdentifyFailsItWithLinkDown() throws Exception {
        start(fp("fp-a"));
        await().atMost(WAIT).until(() -> events.has("online fp-a"));
        int before = module.noFingerAnswers.get();
        CompletionStage<FingerprintResult> pending = bus.identify("fp-a", Duration.ofSeconds(5));
        await().atMost(WAIT).until(() -> module.noFingerAnswers.get() > before);
        line.hangUp();
        assertThat(result(pending)).isEqualTo(new FingerprintResult.Failed("LINK_DOWN"));
    }

    @Test
    void twoModulesOnOneLineAreTalkedToByAddress() throws Exception {
        TestFingerprintModule second = new TestFingerprintModule(0x0000_0002L, 0).enroll(1, "erin");
        modules.add(second);
        start(fp("fp-a"), new FingerprintModuleSettings("fp-b", 0x0000_0002L, 0));
        await().atMost(WAIT).until(() -> events.has("online fp-a", "online fp-b"));
        assertThat(identifyPlacing(second, "fp-b", "erin"))
                .isEqualTo(new FingerprintResult.Match(1, TestFingerprintModule.scoreOf("erin")));
        assertThat(identifyPlacing(module, "fp-a", "erin")).isEqualTo(new FingerprintResult.NoMatch());
    }

    @Test
    void unknownModulesAndAClosedBusFailAtOnce() throws Exception {
        start(fp("fp-a"));
        assertThat(result(bus.identify("fp-x", Duration.ofSeconds(1))))
                .isEqualTo(new FingerprintResult.Failed("UNKNOWN_MODULE"));
        assertThat(result(bus.enroll("fp-x", 1, Duration.ofSeconds(1)))).isEqualTo(new EnrollResult.Failed("UNKNOWN_MODULE"));
        assertThat(result(bus.delete("fp-x", 1))).isFalse();
        bus.close();
        assertThat(result(bus.identify("fp-a", Duration.ofSeconds(1)))).isEqualTo(new FingerprintResult.Failed("CLOSED"));
    }

    @Test
    void closeCompletesAnOperationInProgress() throws Exception {
        start(fp("fp-a"));
        await().atMost(WAIT).until(() -> events.has("online fp-a"));
        CompletionStage<FingerprintResult> pending = bus.identify("fp-a", Duration.ofSeconds(30));
        await().atMost(WAIT).until(() -> module.captures.get() > 0);
        bus.close();
        assertThat(result(pending)).isEqualTo(new FingerprintResult.Failed("CLOSED"));
    }

    @Test
    void refusesTwoModulesWithOneIdOrOneAddress() {
        assertThatThrownBy(() -> FingerprintBus.start("fp-1", List.of(fp("fp-a"), fp("fp-a")), opener, events,
                Clock.systemUTC(), FAST)).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> FingerprintBus.start("fp-1", List.of(fp("fp-a"), fp("fp-b")), opener, events,
                Clock.systemUTC(), FAST)).hasMessageContaining("two modules at address 0xffffffff");
        assertThat(line.opens()).isZero();
    }

    @Test
    void anOpenerThatThrowsUnexpectedlyIsRetriedNotFatal() {
        AtomicInteger attempts = new AtomicInteger();
        LinkOpener flaky = new LinkOpener() {
            @Override
            public SerialLink open() throws IOException {
                if (attempts.incrementAndGet() == 1) {
                    throw new IllegalStateException("native library not loaded");
                }
                return opener.open();
            }

            @Override
            public String describe() {
                return "flaky";
            }
        };
        bus = FingerprintBus.start("fp-1", List.of(fp("fp-a")), flaky, events, Clock.systemUTC(), FAST);
        await().atMost(WAIT).until(() -> events.last("fp-a").equals("online fp-a"));
        assertThat(events.lines()).containsExactly("offline fp-a LINK_DOWN", "online fp-a");
        assertThat(attempts.get()).isEqualTo(2);
    }
}
