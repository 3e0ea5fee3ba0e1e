package dev.warden.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Verifies the pseudo-terminal pair itself: stable links, the device side without a host, and closing. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PtyPairIT {

    @TempDir
    Path dir;

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void theStableLinkPointsToTheSlaveAndItsFoldersAreCreated() throws IOException {
        Path link = dir.resolve("data/demo/dev/osdp-1");
        try (PtyPair pty = PtyPair.open(link)) {
            assertThat(Files.isSymbolicLink(link)).isTrue();
            assertThat(Files.readSymbolicLink(link)).isEqualTo(pty.slavePath());
            assertThat(pty.stableLink()).contains(link);
            assertThat(pty.slavePath().toString()).startsWith("/dev/");
            assertThat(pty.master().describe()).contains(pty.slavePath().toString());
        }
        assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void aNewPairTakesTheLinkOverAndTheOldPairLeavesItAlone() throws IOException {
        Path link = dir.resolve("dev/osdp-1");
        PtyPair first = PtyPair.open(link);
        try (PtyPair second = PtyPair.open(link)) {
            assertThat(Files.readSymbolicLink(link)).isEqualTo(second.slavePath()).isNotEqualTo(first.slavePath());
            first.close();
            assertThat(Files.readSymbolicLink(link)).isEqualTo(second.slavePath());
        }
        assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void aFileInTheWayOfTheLinkIsReplaced() throws IOException {
        Path link = dir.resolve("dev/fp-1");
        Files.createDirectories(link.getParent());
        Files.writeString(link, "left over");
        try (PtyPair pty = PtyPair.open(link)) {
            assertThat(Files.readSymbolicLink(link)).isEqualTo(pty.slavePath());
        }
    }

    @Test
    void withoutAHostTheDeviceSideWaitsInsteadOfFailing() throws IOException {
        try (PtyPair pty = PtyPair.open()) {
            long start = System.nanoTime();
            assertThat(pty.master().read(new byte[16], Duration.ofMillis(150))).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(140), Duration.ofSeconds(2));
            pty.master().write(new byte[] {1, 2, 3}); // nobody listens: not an error
            pty.master().discardInput();
        }
    }

    @Test
    void aDeviceWritingIntoALineNobodyReadsIsNotBlockedForever() throws IOException {
        try (PtyPair pty = PtyPair.open()) {
            PtyMasterLink master = (PtyMasterLink) pty.master();
            byte[] flood = new byte[512 * 1024];
            long start = System.nanoTime();
            master.write(flood);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(master.droppedBytes()).isPositive().isLessThanOrEqualTo(flood.length);
        }
    }

    @Test
    void closingThePairWakesAPendingDeviceReadWithLinkDown() throws Exception {
        PtyPair pty = PtyPair.open();
        AtomicReference<Thread> reader = new AtomicReference<>();
        Future<Integer> read = executor.submit(() -> {
            reader.set(Thread.currentThread());
            return pty.master().read(new byte[16], Duration.ofSeconds(20));
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> reader.get() != null && inPoll(reader.get()));
        long start = System.nanoTime();

        pty.close();

        assertThatThrownBy(() -> read.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(LinkDownException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(pty.isClosed()).isTrue();
        assertThatThrownBy(() -> pty.master().read(new byte[4], Duration.ofMillis(10))).isInstanceOf(LinkDownException.class);
        assertThatThrownBy(() -> pty.master().write(new byte[] {1})).isInstanceOf(LinkDownException.class);
        pty.close(); // idempotent
    }

    private static boolean inPoll(Thread thread) {
        return Arrays.stream(thread.getStackTrace()).anyMatch(frame -> frame.getMethodName().equals("awaitMaster"));
    }

    @Test
    void closingTheMasterLinkClosesThePair() throws IOException {
        Path link = dir.resolve("dev/modbus-1");
        PtyPair pty = PtyPair.open(link);
        pty.master().close();
        assertThat(pty.isClosed()).isTrue();
        assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }
}
