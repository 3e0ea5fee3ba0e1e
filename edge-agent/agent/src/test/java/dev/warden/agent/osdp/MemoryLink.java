package dev.warden.agent.osdp;

import dev.warden.serial.LinkDownException;
import dev.warden.serial.SerialLink;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Test double of a serial line: two connected in-memory ends. Closing either end hangs up both (like unplugging a
 * cable): reads and writes then throw {@link LinkDownException}.
 */
final class MemoryLink implements SerialLink {

    private static final byte[] HANG_UP = new byte[0];

    private final String name;
    private final AtomicBoolean closed;
    private final LinkedBlockingQueue<byte[]> inbound = new LinkedBlockingQueue<>();
    private MemoryLink peer;
    private byte[] leftover = new byte[0];
    private int leftoverAt;

    private MemoryLink(String name, AtomicBoolean closed) {
        this.name = name;
        this.closed = closed;
    }

    /** Two connected ends: [0] for the control panel, [1] for the devices. */
    static MemoryLink[] pair(String name) {
        AtomicBoolean closed = new AtomicBoolean();
        MemoryLink cp = new MemoryLink(name + "/cp", closed);
        MemoryLink pd = new MemoryLink(name + "/pd", closed);
        cp.peer = pd;
        pd.peer = cp;
        return new MemoryLink[] {cp, pd};
    }

    @Override
    public void write(byte[] data) throws IOException {
        if (closed.get()) {
            throw new LinkDownException(name + " hung up");
        }
        peer.inbound.add(data.clone());
    }

    @Override
    public int read(byte[] buffer, Duration timeout) throws IOException {
        if (closed.get()) {
            throw new LinkDownException(name + " hung up");
        }
        if (leftoverAt >= leftover.length) {
            byte[] next;
            try {
                next = inbound.poll(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LinkDownException(name + " interrupted");
            }
            if (next == null) {
                return 0;
            }
            if (next == HANG_UP || closed.get()) {
                throw new LinkDownException(name + " hung up");
            }
            leftover = next;
            leftoverAt = 0;
        }
        int n = Math.min(buffer.length, leftover.length - leftoverAt);
        System.arraycopy(leftover, leftoverAt, buffer, 0, n);
        leftoverAt += n;
        return n;
    }

    @Override
    public void discardInput() {
        inbound.clear();
        leftover = new byte[0];
        leftoverAt = 0;
    }

    @Override
    public String describe() {
        return "memory:" + name;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            inbound.add(HANG_UP);
            peer.inbound.add(HANG_UP);
        }
    }
}
