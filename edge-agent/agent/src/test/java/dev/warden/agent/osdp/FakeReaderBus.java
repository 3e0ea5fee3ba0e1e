package dev.warden.agent.osdp;

import dev.warden.codec.osdp.OsdpFrame;
import dev.warden.codec.osdp.OsdpFrameReader;
import dev.warden.codec.osdp.OsdpReadResult;
import dev.warden.serial.LinkOpener;
import dev.warden.serial.MemoryCable;
import dev.warden.serial.SerialLink;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Test double of the device side of a line: a thread that reads command frames and lets the addressed reader answer. */
final class FakeReaderBus implements AutoCloseable {

    private final SerialLink link;
    private final Map<Integer, FakeReader> readers;
    private final Thread thread;
    private volatile boolean stopped;
    final AtomicInteger rejected = new AtomicInteger();

    FakeReaderBus(SerialLink link, List<FakeReader> readers) {
        this.link = link;
        this.readers = readers.stream().collect(java.util.stream.Collectors.toMap(r -> r.address, r -> r));
        this.thread = new Thread(this::run, "fake-pd-" + link.describe());
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * An opener of {@code line}'s host end with {@code readers} answering on the device end of every connection it
     * opens (a re-open after an error or a {@link MemoryCable#replug()} finds them there again).
     */
    static LinkOpener on(MemoryCable line, FakeReader... readers) {
        List<FakeReader> all = List.of(readers);
        return line.hostOpener(device -> new FakeReaderBus(device, all));
    }

    private void run() {
        OsdpFrameReader reader = new OsdpFrameReader();
        byte[] buffer = new byte[256];
        try {
            while (!stopped) {
                int n = link.read(buffer, Duration.ofMillis(50));
                for (OsdpReadResult result : reader.feed(buffer, 0, n)) {
                    if (result instanceof OsdpReadResult.Frame(OsdpFrame frame) && !frame.reply()) {
                        FakeReader target = readers.get(frame.address());
                        Optional<byte[]> answer = target == null ? Optional.empty() : target.handle(frame);
                        if (answer.isPresent()) {
                            link.write(answer.get());
                        }
                    } else if (result instanceof OsdpReadResult.Rejected) {
                        rejected.incrementAndGet();
                    }
                }
            }
        } catch (IOException e) {
            // the line hung up: the device side stops
        }
    }

    @Override
    public void close() throws IOException {
        stopped = true;
        link.close();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
