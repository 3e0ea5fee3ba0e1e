package dev.warden.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Verifies the in-process serial cable: bytes both ways unchanged and in order, read timeouts, bounded buffers that
 * drop the oldest bytes, hang-up from either side (blocked reads wake, every call then fails with
 * {@link LinkDownException}), and the host opener's fresh connections, unplug and replug.
 */
class MemoryCableTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration SHORT = Duration.ofMillis(30);

    private static byte[] read(SerialLink link, int max, Duration timeout) throws IOException {
        byte[] buffer = new byte[max];
        return Arrays.copyOf(buffer, link.read(buffer, timeout));
    }

    @Test
    void everyByteValueCrossesInBothDirectionsInOrder() throws IOException {
        try (MemoryCable cable = MemoryCable.create("bytes")) {
            cable.host().write(LinkTesting.allByteValues());
            assertThat(LinkTesting.readExactly(cable.device(), 256, WAIT)).isEqualTo(LinkTesting.allByteValues());
            cable.device().write(LinkTesting.allByteValues());
            assertThat(LinkTesting.readExactly(cable.host(), 256, WAIT)).isEqualTo(LinkTesting.allByteValues());
        }
    }

    @Test
    void seededChunksArriveWhateverTheReadSizes() throws IOException {
        Random random = new Random(0xCAB1E);
        try (MemoryCable cable = MemoryCable.create("chunks")) {
            for (int round = 0; round < 200; round++) {
                byte[] sent = new byte[1 + random.nextInt(300)];
                random.nextBytes(sent);
                cable.device().write(Arrays.copyOf(sent, sent.length / 2));
                cable.device().write(Arrays.copyOfRange(sent, sent.length / 2, sent.length));
                byte[] received = new byte[0];
                while (received.length < sent.length) {
                    byte[] chunk = read(cable.host(), 1 + random.nextInt(64), WAIT);
                    assertThat(chunk).as("round %d", round).isNotEmpty();
                    received = concat(received, chunk);
                }
                assertThat(received).as("round %d", round).isEqualTo(sent);
            }
            assertThat(cable.dropped()).isZero();
        }
    }

    @Test
    void aReadTimesOutWithZeroAndAZeroTimeoutDoesNotWait() throws IOException {
        try (MemoryCable cable = MemoryCable.create("quiet")) {
            long start = System.nanoTime();
            assertThat(cable.host().read(new byte[8], SHORT)).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(SHORT);
            assertThat(cable.device().read(new byte[8], Duration.ZERO)).isZero();
            assertThat(cable.device().read(new byte[8], Duration.ofMillis(-5))).isZero();
        }
    }

    @Test
    void aBlockedReadReturnsAsSoonAsBytesArrive() throws Exception {
        try (MemoryCable cable = MemoryCable.create("wake")) {
            CompletableFuture<byte[]> reading = CompletableFuture.supplyAsync(() -> {
                try {
                    return read(cable.host(), 16, Duration.ofMinutes(1));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            cable.device().write(new byte[] {1, 2, 3});
            assertThat(reading.get(5, TimeUnit.SECONDS)).containsExactly(1, 2, 3);
        }
    }

    @Test
    void eachDirectionIsBoundedAndDropsItsOldestBytes() throws IOException {
        try (MemoryCable cable = MemoryCable.create("small", 8)) {
            byte[] twenty = new byte[20];
            for (int i = 0; i < twenty.length; i++) {
                twenty[i] = (byte) i;
            }
            cable.host().write(twenty);
            assertThat(read(cable.device(), 64, SHORT)).containsExactly(12, 13, 14, 15, 16, 17, 18, 19);
            assertThat(cable.dropped()).isEqualTo(12);
            cable.device().write(Arrays.copyOf(twenty, 10));
            assertThat(read(cable.host(), 64, SHORT)).containsExactly(2, 3, 4, 5, 6, 7, 8, 9);
            assertThat(cable.dropped()).isEqualTo(14);
        }
        assertThatThrownBy(() -> MemoryCable.create("none", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void discardInputDropsWhatWasNotYetRead() throws IOException {
        try (MemoryCable cable = MemoryCable.create("discard")) {
            cable.host().write(new byte[] {1, 2, 3});
            cable.device().discardInput();
            assertThat(cable.device().read(new byte[8], SHORT)).isZero();
            cable.host().write(new byte[] {4});
            assertThat(read(cable.device(), 8, WAIT)).containsExactly(4);
        }
    }

    @Test
    void hangUpFailsBothEndsAndWakesABlockedRead() throws Exception {
        MemoryCable cable = MemoryCable.create("hang");
        SerialLink host = cable.host();
        SerialLink device = cable.device();
        device.write(new byte[] {7}); // bytes in flight are lost with the line
        CompletableFuture<Throwable> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                device.read(new byte[8], Duration.ofMinutes(1));
                return null;
            } catch (IOException e) {
                return e;
            }
        });
        await().pollDelay(SHORT).atMost(WAIT).until(() -> !blocked.isDone());

        cable.hangUp();

        assertThat(blocked.get(5, TimeUnit.SECONDS)).isInstanceOf(LinkDownException.class)
                .hasMessageContaining("memory:hang/device");
        for (SerialLink end : List.of(host, device)) {
            assertThatThrownBy(() -> end.read(new byte[8], SHORT)).isInstanceOf(LinkDownException.class);
            assertThatThrownBy(() -> end.write(new byte[] {1})).isInstanceOf(LinkDownException.class);
            assertThatThrownBy(end::discardInput).isInstanceOf(LinkDownException.class);
        }
        assertThat(cable.isHungUp()).isTrue();
        assertThat(cable.isUnplugged()).isTrue();
        cable.hangUp(); // again: nothing more happens
        assertThat(cable.host()).isSameAs(host);
    }

    @Test
    void closingEitherEndHangsUpTheConnectionButDoesNotUnplugTheCable() throws IOException {
        for (boolean closeHost : new boolean[] {true, false}) {
            MemoryCable cable = MemoryCable.create("close");
            SerialLink host = cable.host();
            SerialLink device = cable.device();
            (closeHost ? host : device).close();
            assertThatThrownBy(() -> host.write(new byte[] {1})).isInstanceOf(LinkDownException.class);
            assertThatThrownBy(() -> device.read(new byte[1], SHORT)).isInstanceOf(LinkDownException.class);
            assertThat(cable.isHungUp()).isTrue();
            assertThat(cable.isUnplugged()).isFalse();
            // the opener plugs a fresh connection in
            SerialLink reopened = cable.hostOpener().open();
            assertThat(reopened).isNotSameAs(host).isSameAs(cable.host());
            reopened.write(new byte[] {5});
            assertThat(read(cable.device(), 4, WAIT)).containsExactly(5);
        }
    }

    @Test
    void theOpenerHandsOutTheCurrentConnectionFirstThenFreshOnesAndServesEachDeviceEnd() throws IOException {
        MemoryCable cable = MemoryCable.create("opener");
        SerialLink firstHost = cable.host();
        List<SerialLink> served = new ArrayList<>();
        LinkOpener opener = cable.hostOpener(served::add);
        assertThat(opener.describe()).isEqualTo("memory:opener");
        assertThat(cable.opens()).isZero();

        SerialLink first = opener.open();
        assertThat(first).isSameAs(firstHost);
        assertThat(served).containsExactly(cable.device());

        SerialLink second = opener.open(); // a re-open: a new connection, the old one is hung up
        assertThat(second).isNotSameAs(first).isSameAs(cable.host());
        assertThat(served).hasSize(2).last().isSameAs(cable.device());
        assertThatThrownBy(() -> first.write(new byte[] {1})).isInstanceOf(LinkDownException.class);
        assertThatThrownBy(() -> served.getFirst().read(new byte[1], SHORT)).isInstanceOf(LinkDownException.class);
        second.write(new byte[] {9});
        assertThat(read(served.get(1), 4, WAIT)).containsExactly(9);
        assertThat(second.describe()).isEqualTo("memory:opener#2/host");
        assertThat(served.get(1).describe()).isEqualTo("memory:opener#2/device");
        assertThat(cable.opens()).isEqualTo(2);
    }

    @Test
    void whileUnpluggedTheOpenerFailsAndAReplugGivesFreshEnds() throws IOException {
        MemoryCable cable = MemoryCable.create("plug");
        LinkOpener opener = cable.hostOpener();
        SerialLink before = opener.open();
        cable.hangUp();
        assertThatThrownBy(opener::open).isInstanceOf(IOException.class)
                .hasMessageContaining("memory:plug is unplugged");
        assertThat(cable.opens()).isEqualTo(1);

        cable.replug();
        assertThat(cable.isHungUp()).isFalse();
        assertThat(cable.isUnplugged()).isFalse();
        SerialLink device = cable.device();
        SerialLink after = opener.open();
        assertThat(after).isNotSameAs(before).isSameAs(cable.host());
        after.write(new byte[] {3});
        assertThat(read(device, 4, WAIT)).containsExactly(3);
        assertThat(cable.opens()).isEqualTo(2);
    }

    @Test
    void replugHangsUpAConnectionStillInUse() throws IOException {
        MemoryCable cable = MemoryCable.create("swap");
        SerialLink old = cable.device();
        cable.replug();
        assertThatThrownBy(() -> old.write(new byte[] {1})).isInstanceOf(LinkDownException.class);
        cable.device().write(new byte[] {2});
        assertThat(read(cable.host(), 4, WAIT)).containsExactly(2);
        assertThat(cable).hasToString("MemoryCable[swap]");
        assertThat(cable.name()).isEqualTo("swap");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
