package dev.warden.agent.modbus;

import dev.warden.serial.LinkDownException;
import dev.warden.serial.LinkOpener;
import dev.warden.serial.SerialLink;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory serial line for tests: two {@link SerialLink} ends, bytes written at one end are read at the other.
 * {@link #unplug()} takes the line down (both ends throw {@link LinkDownException}); the {@link #opener()} then
 * fails until {@link #replug()}, which gives the next open a fresh line. The device end of the current line is
 * handed to a listener on every open, so a test slave can serve it.
 */
final class MemoryLine {

    private final java.util.function.Consumer<SerialLink> onOpen;
    private final AtomicBoolean plugged = new AtomicBoolean(true);
    private final AtomicInteger opens = new AtomicInteger();
    private volatile Pair current;

    MemoryLine(java.util.function.Consumer<SerialLink> deviceEndListener) {
        this.onOpen = deviceEndListener;
    }

    /** Opens a fresh line while plugged in; the master gets one end, the listener the other. */
    LinkOpener opener() {
        return new LinkOpener() {
            @Override
            public SerialLink open() throws IOException {
                if (!plugged.get()) {
                    throw new IOException("memory line unplugged");
                }
                Pair pair = new Pair();
                current = pair;
                opens.incrementAndGet();
                onOpen.accept(pair.device);
                return pair.master;
            }

            @Override
            public String describe() {
                return "memory";
            }
        };
    }

    void unplug() {
        plugged.set(false);
        Pair pair = current;
        if (pair != null) {
            pair.down.set(true);
        }
    }

    void replug() {
        plugged.set(true);
    }

    int opens() {
        return opens.get();
    }

    private static final class Pair {
        final AtomicBoolean down = new AtomicBoolean();
        final BlockingQueue<byte[]> toDevice = new LinkedBlockingQueue<>();
        final BlockingQueue<byte[]> toMaster = new LinkedBlockingQueue<>();
        final End master = new End(this, toDevice, toMaster, "memory:master");
        final End device = new End(this, toMaster, toDevice, "memory:device");
    }

    private static final class End implements SerialLink {
        private final Pair pair;
        private final BlockingQueue<byte[]> out;
        private final BlockingQueue<byte[]> in;
        private final String name;
        private byte[] pending = new byte[0];
        private int pendingAt;

        End(Pair pair, BlockingQueue<byte[]> out, BlockingQueue<byte[]> in, String name) {
            this.pair = pair;
            this.out = out;
            this.in = in;
            this.name = name;
        }

        @Override
        public void write(byte[] data) throws IOException {
            check();
            out.add(data.clone());
        }

        @Override
        public int read(byte[] buffer, Duration timeout) throws IOException {
            check();
            if (pendingAt >= pending.length) {
                byte[] next;
                try {
                    long deadline = System.nanoTime() + timeout.toNanos();
                    // wake up now and then to notice an unplug
                    do {
                        next = in.poll(Math.min(20_000_000L, Math.max(0, deadline - System.nanoTime())), TimeUnit.NANOSECONDS);
                        check();
                    } while (next == null && System.nanoTime() < deadline);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LinkDownException("interrupted");
                }
                if (next == null) {
                    return 0;
                }
                pending = next;
                pendingAt = 0;
            }
            int n = Math.min(buffer.length, pending.length - pendingAt);
            System.arraycopy(pending, pendingAt, buffer, 0, n);
            pendingAt += n;
            return n;
        }

        @Override
        public void discardInput() throws IOException {
            check();
            pendingAt = pending.length;
            in.clear();
        }

        @Override
        public String describe() {
            return name;
        }

        @Override
        public void close() {
            pair.down.set(true);
        }

        private void check() throws LinkDownException {
            if (pair.down.get()) {
                throw new LinkDownException(name + " is down");
            }
        }
    }
}
