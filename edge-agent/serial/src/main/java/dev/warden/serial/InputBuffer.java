package dev.warden.serial;

import java.io.InterruptedIOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Received bytes waiting for a reader, for links fed by an I/O thread (TCP). Bounded like a UART's receive FIFO: when
 * the reader falls behind, the oldest bytes are overwritten and counted, so memory never grows with a chatty or
 * hostile peer. Protocol decoders resynchronise on the next frame start, exactly as after a serial overrun.
 */
final class InputBuffer {

    static final int DEFAULT_CAPACITY = 64 * 1024;

    private final byte[] ring;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int head;
    private int size;
    private long dropped;
    private boolean closed;

    InputBuffer(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, not " + capacity);
        }
        this.ring = new byte[capacity];
    }

    /** Appends {@code length} bytes; returns how many old bytes had to be dropped to make room (usually 0). */
    int append(byte[] data, int offset, int length) {
        lock.lock();
        try {
            if (closed || length == 0) {
                return 0;
            }
            int overflow = 0;
            if (length > ring.length) { // only the newest capacity bytes can be kept
                overflow = length - ring.length;
                offset += overflow;
                length = ring.length;
            }
            int excess = size + length - ring.length;
            if (excess > 0) {
                head = (head + excess) % ring.length;
                size -= excess;
                overflow += excess;
            }
            int tail = (head + size) % ring.length;
            int first = Math.min(length, ring.length - tail);
            System.arraycopy(data, offset, ring, tail, first);
            System.arraycopy(data, offset + first, ring, 0, length - first);
            size += length;
            dropped += overflow;
            changed.signalAll();
            return overflow;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves up to {@code target.length} buffered bytes to the start of {@code target}, waiting at most
     * {@code timeoutNanos} for the first one.
     *
     * @return the count; 0 on timeout; -1 once the buffer is closed and empty (what arrived before closing is
     *     delivered first)
     */
    int take(byte[] target, long timeoutNanos) throws InterruptedIOException {
        lock.lock();
        try {
            long remaining = timeoutNanos;
            while (size == 0) {
                if (closed) {
                    return -1;
                }
                if (remaining <= 0) {
                    return 0;
                }
                remaining = changed.awaitNanos(remaining);
            }
            int count = Math.min(size, target.length);
            int first = Math.min(count, ring.length - head);
            System.arraycopy(ring, head, target, 0, first);
            System.arraycopy(ring, 0, target, first, count - first);
            head = (head + count) % ring.length;
            size -= count;
            return count;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for input");
        } finally {
            lock.unlock();
        }
    }

    void clear() {
        lock.lock();
        try {
            head = 0;
            size = 0;
        } finally {
            lock.unlock();
        }
    }

    /** No more input will come; a waiting reader wakes up. Buffered bytes stay readable. */
    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Bytes dropped on overflow since creation. */
    long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** Bytes waiting to be read. */
    int size() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    int capacity() {
        return ring.length;
    }
}
