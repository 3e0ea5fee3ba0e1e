package dev.warden.agent.fingerprint;

import dev.warden.serial.LinkDownException;
import dev.warden.serial.SerialLink;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory serial line between a host side and a device side. Closing either side unplugs the line: both sides
 * then fail with {@link LinkDownException}, like a pty whose other end hung up.
 */
final class MemoryLine {

    private final Pipe toDevice = new Pipe();
    private final Pipe toHost = new Pipe();
    private volatile boolean closed;
    final SerialLink host = new Side("memory:host", toHost, toDevice);
    final SerialLink device = new Side("memory:device", toDevice, toHost);

    void unplug() {
        closed = true;
        toDevice.wake();
        toHost.wake();
    }

    boolean isClosed() {
        return closed;
    }

    private final class Side implements SerialLink {
        private final String name;
        private final Pipe in;
        private final Pipe out;

        Side(String name, Pipe in, Pipe out) {
            this.name = name;
            this.in = in;
            this.out = out;
        }

        @Override
        public void write(byte[] data) throws IOException {
            if (closed) {
                throw new LinkDownException(name + " is unplugged");
            }
            out.put(data);
        }

        @Override
        public int read(byte[] buffer, Duration timeout) throws IOException {
            return in.take(buffer, timeout, () -> closed, name);
        }

        @Override
        public void discardInput() {
            in.clear();
        }

        @Override
        public String describe() {
            return name;
        }

        @Override
        public void close() {
            unplug();
        }
    }

    /** One direction: a bounded byte queue with blocking reads. */
    private static final class Pipe {
        private final byte[] data = new byte[1 << 16];
        private int head;
        private int size;

        synchronized void put(byte[] bytes) {
            for (byte b : bytes) {
                if (size == data.length) {
                    return; // overrun: like a UART FIFO, bytes are lost
                }
                data[(head + size) % data.length] = b;
                size++;
            }
            notifyAll();
        }

        synchronized int take(byte[] buffer, Duration timeout, java.util.function.BooleanSupplier closed,
                String name) throws IOException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (size == 0) {
                if (closed.getAsBoolean()) {
                    throw new LinkDownException(name + " is unplugged");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return 0;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LinkDownException(name + ": interrupted", e);
                }
            }
            int n = Math.min(buffer.length, size);
            for (int i = 0; i < n; i++) {
                buffer[i] = data[(head + i) % data.length];
            }
            head = (head + n) % data.length;
            size -= n;
            return n;
        }

        synchronized void clear() {
            head = 0;
            size = 0;
        }

        synchronized void wake() {
            notifyAll();
        }
    }
}
