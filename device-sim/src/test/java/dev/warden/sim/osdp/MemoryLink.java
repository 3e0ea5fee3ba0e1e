package dev.warden.sim.osdp;

import dev.warden.serial.LinkDownException;
import dev.warden.serial.SerialLink;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * Two {@link SerialLink} ends joined in memory (a null-modem cable): what one end writes, the other reads. Closing either
 * end takes the whole cable down, as unplugging it would.
 */
final class MemoryLink implements SerialLink {

    private final String name;
    private final ArrayDeque<Byte> inbound = new ArrayDeque<>();
    private MemoryLink peer;
    private volatile boolean down;

    private MemoryLink(String name) {
        this.name = name;
    }

    /** [0] = the control panel's end, [1] = the devices' end. */
    static MemoryLink[] pair(String name) {
        MemoryLink a = new MemoryLink(name + "/cp");
        MemoryLink b = new MemoryLink(name + "/pd");
        a.peer = b;
        b.peer = a;
        return new MemoryLink[] {a, b};
    }

    @Override
    public void write(byte[] data) throws LinkDownException {
        if (down) {
            throw new LinkDownException(name + " is down");
        }
        peer.deliver(data);
    }

    private void deliver(byte[] data) {
        synchronized (inbound) {
            for (byte b : data) {
                inbound.add(b);
            }
            inbound.notifyAll();
        }
    }

    @Override
    public int read(byte[] buffer, Duration timeout) throws LinkDownException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (inbound) {
            while (inbound.isEmpty() && !down) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return 0;
                }
                try {
                    inbound.wait(Math.max(1, left / 1_000_000), 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 0;
                }
            }
            if (down) {
                throw new LinkDownException(name + " is down");
            }
            int n = 0;
            while (n < buffer.length && !inbound.isEmpty()) {
                buffer[n++] = inbound.poll();
            }
            return n;
        }
    }

    @Override
    public void discardInput() {
        synchronized (inbound) {
            inbound.clear();
        }
    }

    @Override
    public String describe() {
        return "memory:" + name;
    }

    @Override
    public void close() {
        down = true;
        peer.down = true;
        wake();
        peer.wake();
    }

    private void wake() {
        synchronized (inbound) {
            inbound.notifyAll();
        }
    }
}
