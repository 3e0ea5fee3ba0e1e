package dev.warden.agent.osdp;

import dev.warden.serial.LinkOpener;
import dev.warden.serial.SerialLink;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test double of a line with readers on it: each {@link #open()} connects a fresh in-memory link to the readers.
 * {@link #unplug()} hangs the line up and makes opening fail until {@link #plug()}.
 */
final class FakeLine implements LinkOpener, AutoCloseable {

    private final List<FakeReader> readers;
    private volatile boolean unplugged;
    private FakeReaderBus devices;
    final AtomicInteger opens = new AtomicInteger();

    FakeLine(FakeReader... readers) {
        this.readers = List.of(readers);
    }

    @Override
    public synchronized SerialLink open() throws IOException {
        if (unplugged) {
            throw new IOException("memory line unplugged");
        }
        stopDevices();
        MemoryLink[] pair = MemoryLink.pair("osdp-test-" + opens.incrementAndGet());
        devices = new FakeReaderBus(pair[1], readers);
        return pair[0];
    }

    synchronized void unplug() throws IOException {
        unplugged = true;
        stopDevices();
    }

    synchronized void plug() {
        unplugged = false;
    }

    private void stopDevices() throws IOException {
        if (devices != null) {
            devices.close();
            devices = null;
        }
    }

    @Override
    public String describe() {
        return "memory line";
    }

    @Override
    public synchronized void close() throws IOException {
        stopDevices();
    }
}
