package dev.warden.sim.modbus;

import dev.warden.serial.LinkDownException;
import dev.warden.serial.SerialLink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Two in-memory {@link SerialLink} ends joined like a cable; {@link #unplug()} takes both down. */
final class MemoryPair {

    private final AtomicBoolean down = new AtomicBoolean();
    private final BlockingQueue<Byte> toDevice = new LinkedBlockingQueue<>();
    private final BlockingQueue<Byte> toHost = new LinkedBlockingQueue<>();
    private final End device = new End(toHost, toDevice, "memory:device");
    private final End host = new End(toDevice, toHost, "memory:host");

    SerialLink device() {
        return device;
    }

    SerialLink host() {
        return host;
    }

    void unplug() {
        down.set(true);
    }

    /** Writes {@code request} from the host end and collects what comes back until {@code quiet} passes without a byte. */
    byte[] exchange(byte[] request, Duration firstByte, Duration quiet) throws IOException {
        host.discardInput();
        host.write(request);
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        byte[] chunk = new byte[64];
        int n = host.read(chunk, firstByte);
        while (n > 0) {
            reply.write(chunk, 0, n);
            n = host.read(chunk, quiet);
        }
        return reply.toByteArray();
    }

    private final class End implements SerialLink {
        private final BlockingQueue<Byte> out;
        private final BlockingQueue<Byte> in;
        private final String name;

        End(BlockingQueue<Byte> out, BlockingQueue<Byte> in, String name) {
            this.out = out;
            this.in = in;
            this.name = name;
        }

        @Override
        public void write(byte[] data) throws IOException {
            check();
            for (byte b : data) {
                out.add(b);
            }
        }

        @Override
        public int read(byte[] buffer, Duration timeout) throws IOException {
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                Byte first = null;
                while (first == null) {
                    check();
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return 0;
                    }
                    first = in.poll(Math.min(left, 20_000_000L), TimeUnit.NANOSECONDS);
                }
                buffer[0] = first;
                int n = 1;
                Byte next;
                while (n < buffer.length && (next = in.poll()) != null) {
                    buffer[n++] = next;
                }
                return n;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LinkDownException("interrupted");
            }
        }

        @Override
        public void discardInput() throws IOException {
            check();
            in.clear();
        }

        @Override
        public String describe() {
            return name;
        }

        @Override
        public void close() {
            down.set(true);
        }

        private void check() throws LinkDownException {
            if (down.get()) {
                throw new LinkDownException(name + " unplugged");
            }
        }
    }
}
