package dev.warden.agent.fingerprint;

import dev.warden.serial.LinkOpener;
import dev.warden.serial.SerialLink;
import java.io.IOException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Opens a fresh {@link MemoryLine} per open while "plugged", and hands its device side to the test's module; while
 * "unplugged" every open fails like a missing serial device.
 */
final class MemoryLineOpener implements LinkOpener {

    private final Consumer<SerialLink> deviceSide;
    private final LinkedBlockingQueue<MemoryLine> lines = new LinkedBlockingQueue<>();
    private final AtomicInteger opens = new AtomicInteger();
    private volatile boolean plugged = true;
    private volatile MemoryLine current;

    MemoryLineOpener(Consumer<SerialLink> deviceSide) {
        this.deviceSide = deviceSide;
    }

    @Override
    public SerialLink open() throws IOException {
        if (!plugged) {
            throw new IOException("memory line is unplugged");
        }
        MemoryLine line = new MemoryLine();
        current = line;
        lines.add(line);
        opens.incrementAndGet();
        deviceSide.accept(line.device);
        return line.host;
    }

    /** Unplugs the current line and refuses opens until {@link #plug()}. */
    void unplug() {
        plugged = false;
        MemoryLine line = current;
        if (line != null) {
            line.unplug();
        }
    }

    void plug() {
        plugged = true;
    }

    int opens() {
        return opens.get();
    }

    @Override
    public String describe() {
        return "memory";
    }
}
