package dev.warden.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Verifies the bounded receive buffer: order, wrap-around, drop-oldest overflow with a count, close semantics. */
class InputBufferTest {

    private static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }

    private static byte[] take(InputBuffer buffer, int max) throws InterruptedIOException {
        byte[] target = new byte[max];
        int count = buffer.take(target, 0);
        return count <= 0 ? new byte[0] : Arrays.copyOf(target, count);
    }

    @Test
    void bytesComeOutInOrderAcrossTheWrapAround() throws InterruptedIOException {
        InputBuffer buffer = new InputBuffer(4);
        buffer.append(bytes(1, 2, 3), 0, 3);
        assertThat(take(buffer, 2)).containsExactly(1, 2);
        buffer.append(bytes(4, 5, 6), 0, 3); // wraps
        assertThat(take(buffer, 8)).containsExactly(3, 4, 5, 6);
        assertThat(buffer.dropped()).isZero();
    }

    @Test
    void overflowDropsTheOldestBytesAndCountsThem() throws InterruptedIOException {
        InputBuffer buffer = new InputBuffer(4);
        buffer.append(bytes(1, 2, 3), 0, 3);
        assertThat(buffer.append(bytes(4, 5, 6), 0, 3)).isEqualTo(2);
        assertThat(take(buffer, 8)).containsExactly(3, 4, 5, 6);
        assertThat(buffer.dropped()).isEqualTo(2);
    }

    @Test
    void aChunkLargerThanTheCapacityKeepsItsNewestBytes() throws InterruptedIOException {
        InputBuffer buffer = new InputBuffer(3);
        buffer.append(bytes(9), 0, 1);
        assertThat(buffer.append(bytes(1, 2, 3, 4, 5), 1, 4)).isEqualTo(2); // 9 and 2 are lost
        assertThat(take(buffer, 8)).containsExactly(3, 4, 5);
        assertThat(buffer.dropped()).isEqualTo(2);
    }

    @Test
    void takeTimesOutWithZeroAndReportsTheEndOnlyAfterTheLastByte() throws InterruptedIOException {
        InputBuffer buffer = new InputBuffer(8);
        assertThat(buffer.take(new byte[4], 1_000_000)).isZero();
        buffer.append(bytes(7), 0, 1);
        buffer.close();
        assertThat(buffer.append(bytes(8), 0, 1)).isZero(); // nothing arrives after the end
        assertThat(take(buffer, 4)).containsExactly(7);
        assertThat(buffer.take(new byte[4], 1_000_000)).isEqualTo(-1);
    }

    @Test
    void clearDiscardsWhatIsBuffered() throws InterruptedIOException {
        InputBuffer buffer = new InputBuffer(8);
        buffer.append(bytes(1, 2), 0, 2);
        buffer.clear();
        assertThat(buffer.size()).isZero();
        assertThat(buffer.take(new byte[4], 0)).isZero();
    }

    @Test
    void anInterruptedReaderGetsAnInterruptedIoException() {
        InputBuffer buffer = new InputBuffer(8);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> buffer.take(new byte[4], 1_000_000_000L)).isInstanceOf(InterruptedIOException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void behavesLikeAnUnboundedQueueThatForgetsItsOldestBytes() throws InterruptedIOException {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int capacity = 1 + random.nextInt(64);
            InputBuffer buffer = new InputBuffer(capacity);
            Deque<Byte> model = new ArrayDeque<>();
            long modelDropped = 0;
            for (int step = 0; step < 100; step++) {
                if (random.nextBoolean()) {
                    byte[] chunk = new byte[random.nextInt(2 * capacity + 1)];
                    random.nextBytes(chunk);
                    buffer.append(chunk, 0, chunk.length);
                    for (byte b : chunk) {
                        model.addLast(b);
                    }
                    while (model.size() > capacity) {
                        model.removeFirst();
                        modelDropped++;
                    }
                } else {
                    int max = 1 + random.nextInt(2 * capacity);
                    byte[] taken = take(buffer, max);
                    assertThat(taken).hasSize(Math.min(max, model.size()));
                    for (byte b : taken) {
                        assertThat(b).isEqualTo(model.removeFirst());
                    }
                }
                assertThat(buffer.size()).isEqualTo(model.size());
                assertThat(buffer.dropped()).isEqualTo(modelDropped);
            }
        }
    }
}
