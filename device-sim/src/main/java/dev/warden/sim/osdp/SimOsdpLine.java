package dev.warden.sim.osdp;

import dev.warden.serial.LinkDownException;
import dev.warden.serial.SerialLink;
import dev.warden.sim.osdp.OsdpFrameDecoder.Accepted;
import dev.warden.sim.osdp.OsdpFrameDecoder.Rejected;
import dev.warden.sim.osdp.OsdpFrameDecoder.Result;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One multi-drop OSDP bus as the peripherals see it: a daemon thread reads what the control panel sends on a
 * {@link SerialLink}, hands each frame to the reader with that address and writes the reader's reply (through the
 * reader's fault injection). It stops when {@link #close} is called or the link goes down; the readers keep their
 * state, so serving them again on a new link is an unplug and replug. The link itself belongs to the caller and is not
 * closed here.
 *
 * <p>Addressing: frames with bit 7 of the address set are replies (from another device) and are ignored; a frame for
 * an address no reader has is ignored; the broadcast address 0x7F is answered by the first reader of the line (the
 * specification meant it for a single device on its bus; several replies would collide on a real wire).
 */
public final class SimOsdpLine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimOsdpLine.class);

    /** A partial frame that sees no byte for this long is dropped. */
    static final Duration FRAME_GAP = Duration.ofMillis(50);
    private static final Duration READ_SLICE = Duration.ofMillis(20);
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    private final String lineId;
    private final SerialLink link;
    private final List<SimOsdpReader> readers;
    private final OsdpFrameDecoder decoder = new OsdpFrameDecoder(FRAME_GAP.toNanos());
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong unaddressed = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    private SimOsdpLine(String lineId, SerialLink link, List<SimOsdpReader> readers) {
        this.lineId = lineId;
        this.link = link;
        this.readers = readers;
        this.thread = Thread.ofPlatform().daemon().name("osdp-sim-" + lineId).unstarted(this::run);
    }

    /**
     * Starts answering the control panel on {@code link} for {@code readers} (distinct addresses).
     *
     * @return the running line; close it to stop serving (the link stays open)
     */
    public static SimOsdpLine serve(String lineId, SerialLink link, List<SimOsdpReader> readers) {
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(link, "link");
        List<SimOsdpReader> copy = List.copyOf(readers);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("an OSDP line needs at least one reader");
        }
        Set<Integer> addresses = new HashSet<>();
        for (SimOsdpReader reader : copy) {
            if (!addresses.add(reader.address())) {
                throw new IllegalArgumentException(
                        "two readers on line " + lineId + " share address " + reader.address());
            }
        }
        SimOsdpLine line = new SimOsdpLine(lineId, link, copy);
        line.thread.start();
        LOG.info("OSDP line {} serving {} reader(s) on {}", lineId, copy.size(), link.describe());
        return line;
    }

    public String lineId() {
        return lineId;
    }

    /** True until closed or the link went down. */
    public boolean running() {
        return thread.isAlive();
    }

    /** Frames received that were addressed to one of this line's readers. */
    public long framesHandled() {
        return frames.get();
    }

    /** Frames that failed their check or were malformed (each answered with a NAK when the address is known). */
    public long framesRejected() {
        return rejected.get();
    }

    /** Bytes dropped while resynchronising (garbage, broken frames). */
    public long bytesDiscarded() {
        synchronized (decoder) {
            return decoder.discardedBytes();
        }
    }

    /** Stops serving (waits up to 2 s for the thread); the link is left open. Idempotent. */
    @Override
    public void close() {
        running = false;
        closing.countDown();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        byte[] buffer = new byte[256];
        try {
            while (running) {
                int n = link.read(buffer, READ_SLICE);
                List<Result> results;
                synchronized (decoder) {
                    long now = System.nanoTime();
                    if (n > 0) {
                        results = decoder.feed(buffer, 0, n, now);
                    } else {
                        decoder.expire(now);
                        results = List.of();
                    }
                }
                for (Result result : results) {
                    if (!running) {
                        break;
                    }
                    try {
                        dispatch(result);
                    } catch (RuntimeException e) {
                        LOG.error("OSDP line {}: failed to answer a frame; line keeps serving", lineId, e);
                    }
                }
            }
        } catch (LinkDownException e) {
            LOG.info("OSDP line {}: link {} went down ({}); line stopped", lineId, link.describe(), e.getMessage());
        } catch (IOException e) {
            LOG.warn("OSDP line {}: link {} failed; line stopped", lineId, link.describe(), e);
        } finally {
            running = false;
        }
    }

    private void dispatch(Result result) throws IOException {
        switch (result) {
            case Accepted(OsdpFrame frame) -> {
                if (frame.isReply()) {
                    return;
                }
                SimOsdpReader reader = target(frame.address());
                if (reader == null) {
                    unaddressed.incrementAndGet();
                    return;
                }
                frames.incrementAndGet();
                byte[] reply = reader.handle(frame);
                if (reply != null) {
                    send(reader, reply);
                }
            }
            case Rejected r -> {
                rejected.incrementAndGet();
                LOG.debug("OSDP line {}: rejected frame for address 0x{}: {}", lineId,
                        Integer.toHexString(r.addressByte()), r.reason());
                if ((r.addressByte() & 0x80) != 0) {
                    return;
                }
                SimOsdpReader reader = target(r.addressByte() & 0x7F);
                if (reader != null) {
                    byte[] nak = reader.handleRejected(r);
                    if (nak != null) {
                        send(reader, nak);
                    }
                }
            }
        }
    }

    private SimOsdpReader target(int address) {
        if (address == OsdpFrame.BROADCAST) {
            return readers.getFirst();
        }
        for (SimOsdpReader reader : readers) {
            if (reader.address() == address) {
                return reader;
            }
        }
        return null;
    }

    private void send(SimOsdpReader reader, byte[] reply) throws IOException {
        SimOsdpReader.Transmission transmission = reader.transmission(reply);
        if (transmission == null) {
            return;
        }
        if (transmission.delayMillis() > 0) {
            try {
                if (closing.await(transmission.delayMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
                return;
            }
        }
        link.write(transmission.bytes());
    }
}
