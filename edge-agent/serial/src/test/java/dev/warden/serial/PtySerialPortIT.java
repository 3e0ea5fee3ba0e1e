package dev.warden.serial;

import static dev.warden.serial.LinkTesting.allByteValues;
import static dev.warden.serial.LinkTesting.readExactly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verifies that jSerialComm drives the slave side of a real {@link PtyPair} like a serial port: raw bytes both ways,
 * read timeouts, hang-up detection when the master closes, and recovery when a new pair appears behind the same
 * stable symlink (the simulator's "replug").
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PtySerialPortIT {

    private static final Duration WITHIN = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    private static LinkOpener openerFor(Path port) {
        return SerialPorts.opener(new SerialSettings(port.toString(), 9600, SerialSettings.Parity.NONE, 1, false));
    }

    @Test
    void everyByteValuePassesUnchangedInBothDirections() throws IOException {
        try (PtyPair pty = PtyPair.open(dir.resolve("dev/osdp-1"));
                SerialLink host = openerFor(dir.resolve("dev/osdp-1")).open()) {
            SerialLink device = pty.master();
            byte[] all = allByteValues();

            host.write(all);
            assertThat(readExactly(device, all.length, WITHIN)).isEqualTo(all);

            device.write(all);
            assertThat(readExactly(host, all.length, WITHIN)).isEqualTo(all);
        }
    }

    @Test
    void lineDisciplineCharactersAreNotInterpreted() throws IOException {
        // ^C (would be SIGINT), LF and CR (would be mapped), XON/XOFF (flow control), DEL (erase), 0xFF (PARMRK escape)
        byte[] special = {0x03, 0x0A, 0x0D, 0x11, 0x13, 0x7F, (byte) 0xFF, 0x0D, 0x0A, 0x04};
        try (PtyPair pty = PtyPair.open(); SerialLink host = openerFor(pty.slavePath()).open()) {
            host.write(special);
            assertThat(readExactly(pty.master(), special.length, WITHIN)).isEqualTo(special);
            pty.master().write(special);
            assertThat(readExactly(host, special.length, WITHIN)).isEqualTo(special);
        }
    }

    @Test
    void readReturnsZeroWhenNothingArrivesInTime() throws IOException {
        try (PtyPair pty = PtyPair.open(); SerialLink host = openerFor(pty.slavePath()).open()) {
            byte[] buffer = new byte[64];
            long start = System.nanoTime();
            assertThat(host.read(buffer, Duration.ofMillis(200))).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(180), Duration.ofSeconds(2));

            assertThat(host.read(buffer, Duration.ZERO)).isZero();
            assertThat(pty.master().read(buffer, Duration.ofMillis(50))).isZero();
        }
    }

    @Test
    void aReadReturnsAsSoonAsBytesArriveNotAtTheTimeout() throws Exception {
        try (PtyPair pty = PtyPair.open(); SerialLink host = openerFor(pty.slavePath()).open()) {
            byte[] buffer = new byte[64];
            long start = System.nanoTime();
            Future<Integer> read = executor.submit(() -> host.read(buffer, Duration.ofSeconds(20)));
            pty.master().write(new byte[] {0x53});
            assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(buffer[0]).isEqualTo((byte) 0x53);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void closingTheMasterHangsUpAPendingReadPromptlyWithoutSpinning() throws Exception {
        PtyPair pty = PtyPair.open();
        SerialLink host = openerFor(pty.slavePath()).open();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AtomicReference<Thread> reader = new AtomicReference<>();
        CompletableFuture<Long> cpuNanos = new CompletableFuture<>();
        executor.submit(() -> {
            reader.set(Thread.currentThread());
            long cpuBefore = threads.getCurrentThreadCpuTime();
            try {
                host.read(new byte[64], Duration.ofSeconds(20));
                cpuNanos.completeExceptionally(new AssertionError("read returned instead of failing"));
            } catch (LinkDownException expected) {
                cpuNanos.complete(threads.getCurrentThreadCpuTime() - cpuBefore);
            } catch (IOException | RuntimeException e) {
                cpuNanos.completeExceptionally(e);
            }
        });
        await().atMost(WITHIN).until(() -> reader.get() != null && isInNativeRead(reader.get()));
        long hangUp = System.nanoTime();

        pty.close();

        long cpu = cpuNanos.get(5, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - hangUp)).isLessThan(Duration.ofSeconds(2));
        assertThat(Duration.ofNanos(cpu)).isLessThan(Duration.ofMillis(500));
        assertThatThrownBy(() -> host.read(new byte[8], Duration.ofMillis(100))).isInstanceOf(LinkDownException.class);
        assertThatThrownBy(() -> host.write(new byte[] {1})).isInstanceOf(LinkDownException.class);
        host.close();
    }

    private static boolean isInNativeRead(Thread thread) {
        return Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().contains("jSerialComm") && frame.getMethodName().equals("readBytes"));
    }

    @Test
    void writingToAHungUpLineFailsWithLinkDown() throws IOException {
        PtyPair pty = PtyPair.open();
        try (SerialLink host = openerFor(pty.slavePath()).open()) {
            pty.close();
            assertThatThrownBy(() -> host.write(new byte[] {1, 2, 3}))
                    .isInstanceOf(LinkDownException.class)
                    .hasMessageContaining(pty.slavePath().toString());
        }
    }

    @Test
    void aNewPairBehindTheSameLinkIsOpenedAgainAfterAHangUp() throws IOException {
        Path link = dir.resolve("dev/fp-1");
        LinkOpener opener = openerFor(link);

        PtyPair first = PtyPair.open(link);
        SerialLink host = opener.open();
        host.write(new byte[] {1});
        assertThat(readExactly(first.master(), 1, WITHIN)).containsExactly(1);

        first.close();
        assertThatThrownBy(() -> host.read(new byte[8], Duration.ofSeconds(5))).isInstanceOf(LinkDownException.class);
        host.close();
        assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThatThrownBy(opener::open).isInstanceOf(IOException.class).hasMessageContaining(link.toString());

        try (PtyPair second = PtyPair.open(link); SerialLink again = opener.open()) {
            again.write(new byte[] {2});
            assertThat(readExactly(second.master(), 1, WITHIN)).containsExactly(2);
            second.master().write(new byte[] {3});
            assertThat(readExactly(again, 1, WITHIN)).containsExactly(3);
        }
    }

    @Test
    void theHostMayCloseAndReopenThePortWhileTheDeviceKeepsWaiting() throws IOException {
        try (PtyPair pty = PtyPair.open()) {
            LinkOpener opener = openerFor(pty.slavePath());
            try (SerialLink host = opener.open()) {
                host.write(new byte[] {10});
                assertThat(readExactly(pty.master(), 1, WITHIN)).containsExactly(10);
            }
            assertThat(pty.master().read(new byte[8], Duration.ofMillis(100))).isZero();
            try (SerialLink host = opener.open()) {
                host.write(new byte[] {11});
                assertThat(readExactly(pty.master(), 1, WITHIN)).containsExactly(11);
                pty.master().write(new byte[] {12});
                assertThat(readExactly(host, 1, WITHIN)).containsExactly(12);
            }
        }
    }

    @Test
    void rs485ModeFallsBackToAPlainLineOnAPty() throws IOException {
        try (PtyPair pty = PtyPair.open();
                SerialLink host = SerialPorts.opener(new SerialSettings(pty.slavePath().toString(), 19200, 8,
                        SerialSettings.Parity.EVEN, 1, true)).open()) {
            byte[] frame = {0x01, 0x04, 0x00, 0x00, 0x00, 0x02, 0x71, (byte) 0xCB};
            host.write(frame);
            assertThat(readExactly(pty.master(), frame.length, WITHIN)).isEqualTo(frame);
            assertThat(host.describe()).isEqualTo("serial:" + pty.slavePath() + "@19200-8E1-rs485");
        }
    }

    @Test
    void discardInputDropsWhatArrivedBeforeIt() throws IOException {
        try (PtyPair pty = PtyPair.open(); SerialLink host = openerFor(pty.slavePath()).open()) {
            pty.master().write(new byte[] {1, 2, 3});
            host.write(new byte[] {9});
            assertThat(readExactly(pty.master(), 1, WITHIN)).containsExactly(9); // round trip: 1,2,3 have arrived
            host.discardInput();
            assertThat(host.read(new byte[8], Duration.ofMillis(100))).isZero();
        }
    }

    @Test
    void closingFromAnotherThreadEndsAPendingReadWithLinkDown() throws Exception {
        try (PtyPair pty = PtyPair.open()) {
            SerialLink host = openerFor(pty.slavePath()).open();
            AtomicReference<Thread> reader = new AtomicReference<>();
            Future<Integer> read = executor.submit(() -> {
                reader.set(Thread.currentThread());
                return host.read(new byte[16], Duration.ofSeconds(20));
            });
            await().atMost(WITHIN).until(() -> reader.get() != null && isInNativeRead(reader.get()));
            long start = System.nanoTime();
            host.close();
            assertThatThrownBy(() -> read.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(LinkDownException.class);
            // a native read in progress ends at its next VTIME step (at most 1 s)
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        }
    }

    @Test
    void aPortAlreadyOpenIsNotOpenedTwice() throws IOException {
        Path link = dir.resolve("dev/osdp-2");
        try (PtyPair pty = PtyPair.open(link); SerialLink first = openerFor(link).open()) {
            assertThatThrownBy(() -> openerFor(pty.slavePath()).open())
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(pty.slavePath().toString())
                    .hasMessageContaining("already open");
            first.write(new byte[] {5}); // the first link is unaffected
            assertThat(readExactly(pty.master(), 1, WITHIN)).containsExactly(5);
        }
    }

    @Test
    void aMissingPortFailsWithItsPath() {
        Path missing = dir.resolve("dev/no-such-port");
        assertThatThrownBy(() -> openerFor(missing).open())
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(LinkDownException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void aPlainFileIsNotOpenedAsASerialPort() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-tty"), "x");
        assertThatThrownBy(() -> openerFor(file).open())
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a terminal");
        try (PtyPair pty = PtyPair.open(); SerialLink host = openerFor(pty.slavePath()).open()) {
            assertThat(host.describe()).startsWith("serial:"); // a failed open leaves nothing behind
        }
    }

    @Test
    void aDanglingLinkFailsWithItsPath() throws IOException {
        Path link = dir.resolve("dev/modbus-1");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, dir.resolve("gone"));
        assertThatThrownBy(() -> openerFor(link).open()).isInstanceOf(IOException.class).hasMessageContaining(link.toString());
    }

    @Test
    void theOpenerDescribesTheLineBeforeOpeningIt() {
        LinkOpener opener = SerialPorts.opener(new SerialSettings("/dev/ttyUSB0", 9600, SerialSettings.Parity.NONE, 2, false));
        assertThat(opener.describe()).isEqualTo("serial:/dev/ttyUSB0@9600-8N2");
    }

    @Test
    void closingTheLinkFailsLaterCalls() throws IOException {
        try (PtyPair pty = PtyPair.open()) {
            SerialLink host = openerFor(pty.slavePath()).open();
            host.close();
            host.close();
            assertThatThrownBy(() -> host.read(new byte[4], Duration.ofMillis(100))).isInstanceOf(LinkDownException.class);
            assertThatThrownBy(() -> host.write(new byte[] {1})).isInstanceOf(LinkDownException.class);
            // the port is free again: a new open works
            try (SerialLink again = openerFor(pty.slavePath()).open()) {
                again.write(new byte[] {7});
                assertThat(readExactly(pty.master(), 1, WITHIN)).containsExactly(7);
            }
        }
    }
}
