package dev.warden.sim.modbus;

import dev.warden.serial.SerialLink;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device side of one Modbus RTU line: a daemon thread reads requests from a {@link SerialLink}, hands each one to
 * the device with its unit id, and writes the reply (or none, for a broadcast or an unknown unit), applying the
 * device's {@link SimModbusDevice.Fault fault}. Frames of the known functions are found by their length and CRC; after
 * a bad CRC the line drops a byte and looks again. A frame of another function ends at the line's silence (it is
 * answered with exception 01 if its CRC is valid). Runs until {@link #close()} or until the link goes down (unplug).
 */
public final class SimModbusLine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimModbusLine.class);
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");
    /** Quiet time that ends a frame: well above 3.5 characters at any speed, and what a pty or USB adapter needs. */
    private static final Duration FRAME_GAP = Duration.ofMillis(10);
    private static final Duration IDLE_READ = Duration.ofMillis(100);
    private static final int MAX_BUFFER = 512;

    private final String lineId;
    private final SerialLink link;
    private final Map<Integer, SimModbusDevice> byUnit = new HashMap<>();
    private final Thread thread;
    private final Random noise;
    private final byte[] buffer = new byte[MAX_BUFFER];
    private int length;
    private volatile boolean running = true;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong droppedBytes = new AtomicLong();

    private SimModbusLine(String lineId, SerialLink link, List<SimModbusDevice> devices) {
        this.lineId = Objects.requireNonNull(lineId, "lineId");
        this.link = Objects.requireNonNull(link, "link");
        for (SimModbusDevice d : devices) {
            if (byUnit.putIfAbsent(d.unitId(), d) != null) {
                throw new IllegalArgumentException("line " + lineId + ": two devices at unit " + d.unitId());
            }
        }
        this.noise = new Random(lineId.hashCode());
        this.thread = new Thread(this::run, "sim-modbus-" + lineId);
        this.thread.setDaemon(true);
    }

    /** Starts answering on {@code link} for {@code devices} (unique unit ids). */
    public static SimModbusLine serve(String lineId, SerialLink link, List<SimModbusDevice> devices) {
        SimModbusLine line = new SimModbusLine(lineId, link, devices);
        line.thread.start();
        return line;
    }

    /** Whether the line still answers (false after {@link #close()} or once the link went down). */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Complete frames with a valid CRC seen on the line (for any unit). */
    public long frames() {
        return frames.get();
    }

    /** Bytes dropped as noise, corrupt or truncated frames. */
    public long droppedBytes() {
        return droppedBytes.get();
    }

    /** Stops answering. The link stays open: whoever opened it closes it. */
    @Override
    public void close() {
        running = false;
        if (Thread.currentThread() != thread) {
            try {
                thread.join(IDLE_READ.toMillis() * 5 + 2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        LOG.info("Modbus line {} serving unit(s) {} on {}", lineId, byUnit.keySet(), link.describe());
        byte[] chunk = new byte[256];
        try {
            while (running) {
                int n = link.read(chunk, length == 0 ? IDLE_READ : FRAME_GAP);
                if (n > 0) {
                    append(chunk, n);
                    scan();
                } else if (length > 0) {
                    endOfFrame();
                }
            }
            LOG.info("Modbus line {} stopped", lineId);
        } catch (IOException e) {
            LOG.info("Modbus line {} ended: {}", lineId, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Modbus line {} failed", lineId, e);
        }
    }

    private void append(byte[] chunk, int n) {
        if (length + n > buffer.length) {
            // nothing in a full buffer was a frame: drop it all, like a UART overrun
            droppedBytes.addAndGet(length);
            length = 0;
        }
        int take = Math.min(n, buffer.length);
        System.arraycopy(chunk, n - take, buffer, length, take);
        length += take;
    }

    /** Answers every complete known frame at the start of the buffer, dropping bytes that start no frame. */
    private void scan() throws IOException {
        while (length >= 4) {
            int size = knownFrameSize();
            if (size < 0 || size > length) {
                return; // an unknown function waits for the silence; a known one for its remaining bytes
            }
            if (RtuCrc.valid(buffer, 0, size)) {
                byte[] frame = Arrays.copyOf(buffer, size);
                remove(size);
                handle(frame);
            } else {
                remove(1);
                droppedBytes.incrementAndGet();
            }
        }
    }

    /** Size of the frame at the buffer start for functions 01..06, 0F, 10; -1 for other functions. */
    private int knownFrameSize() {
        int function = buffer[1] & 0xFF;
        if (function >= 0x01 && function <= 0x06) {
            return 8;
        }
        if (function == 0x0F || function == 0x10) {
            return length < 7 ? Integer.MAX_VALUE : 9 + (buffer[6] & 0xFF);
        }
        return -1;
    }

    /**
     * The line went quiet: what is left is one frame of an unknown function, or noise; in noise the line still looks
     * for a known frame further on, one byte at a time.
     */
    private void endOfFrame() throws IOException {
        if (length >= 4 && knownFrameSize() < 0 && RtuCrc.valid(buffer, 0, length)) {
            byte[] frame = Arrays.copyOf(buffer, length);
            length = 0;
            handle(frame);
            return;
        }
        int dropped = 0;
        while (length > 0) {
            scan();
            if (length > 0) {
                remove(1);
                dropped++;
            }
        }
        if (dropped > 0) {
            LOG.debug("Modbus line {}: dropped {} byte(s) of noise or truncated frames", lineId, dropped);
            droppedBytes.addAndGet(dropped);
        }
    }

    private void remove(int n) {
        System.arraycopy(buffer, n, buffer, 0, length - n);
        length -= n;
    }

    private void handle(byte[] frame) throws IOException {
        frames.incrementAndGet();
        int unit = frame[0] & 0xFF;
        byte[] pdu = Arrays.copyOfRange(frame, 1, frame.length - 2);
        if (unit == 0) {
            // broadcast: every device acts, none answers; only writes may be broadcast
            int function = pdu[0] & 0xFF;
            if (function == 0x05 || function == 0x06 || function == 0x0F || function == 0x10) {
                byUnit.values().stream().filter(d -> d.fault() != SimModbusDevice.Fault.SILENT).forEach(d -> d.answer(pdu));
            }
            return;
        }
        SimModbusDevice device = byUnit.get(unit);
        if (device == null || device.fault() == SimModbusDevice.Fault.SILENT) {
            return;
        }
        byte[] reply = RtuCrc.frame(unit, device.answer(pdu));
        LOG.debug("Modbus line {}: unit {} [{}] -> [{}]", lineId, unit, HEX.formatHex(frame), HEX.formatHex(reply));
        switch (device.fault()) {
            case GARBAGE -> {
                byte[] junk = new byte[3 + noise.nextInt(10)];
                noise.nextBytes(junk);
                link.write(junk);
                link.write(reply);
            }
            case TRUNCATED -> link.write(Arrays.copyOf(reply, 1 + noise.nextInt(reply.length - 1)));
            case BAD_CRC -> {
                reply[reply.length - 1] ^= (byte) 0xA5;
                link.write(reply);
            }
            case SLOW -> {
                if (pause(device.slowDelay())) {
                    link.write(reply);
                }
            }
            default -> link.write(reply);
        }
    }

    /** Waits {@code delay} unless the line is closed first; true if it waited the whole time. */
    private boolean pause(Duration delay) {
        long until = System.nanoTime() + delay.toNanos();
        while (running) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            try {
                Thread.sleep(Duration.ofNanos(Math.min(left, 50_000_000L)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
