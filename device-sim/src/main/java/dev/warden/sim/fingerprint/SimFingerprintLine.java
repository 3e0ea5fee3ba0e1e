package dev.warden.sim.fingerprint;

import dev.warden.serial.LinkDownException;
import dev.warden.serial.SerialLink;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves simulated fingerprint modules on one serial line: a daemon thread reads command packets, hands each to the
 * module with that address and writes its acknowledgement, shaped by the module's {@link SimFingerprintModule.Fault}.
 * A packet with a wrong checksum is answered with "packet receive error" (0x01), as a real module does; packets for
 * other addresses and noise are ignored.
 *
 * <p>Serving ends on {@link #close()} (the link stays open: it belongs to the caller) or when the line goes down
 * (unplugged). Serving the same modules again on a new line is a replug: the modules power up (password to verify
 * again) with their libraries intact.
 */
public final class SimFingerprintLine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimFingerprintLine.class);
    private static final Duration READ_SLICE = Duration.ofMillis(100);

    private final String lineId;
    private final SerialLink link;
    private final List<SimFingerprintModule> modules;
    private final Thread thread;
    private final Random noise;
    private volatile boolean running = true;

    private SimFingerprintLine(String lineId, SerialLink link, List<SimFingerprintModule> modules) {
        this.lineId = Objects.requireNonNull(lineId, "lineId");
        this.link = Objects.requireNonNull(link, "link");
        this.modules = List.copyOf(modules);
        this.noise = new Random(lineId.hashCode());
        this.thread = new Thread(this::run, "sim-fingerprint-" + lineId);
        this.thread.setDaemon(true);
    }

    /** Powers the modules up and answers for them on {@code link} until {@link #close()} or the line goes down. */
    public static SimFingerprintLine serve(String lineId, SerialLink link, List<SimFingerprintModule> modules) {
        SimFingerprintLine line = new SimFingerprintLine(lineId, link, modules);
        for (SimFingerprintModule module : line.modules) {
            module.powerUp();
        }
        line.thread.start();
        return line;
    }

    /** Whether the line is still being served (not closed, line not down). */
    public boolean isRunning() {
        return running && thread.isAlive();
    }

    /** Stops serving; does not close the link. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        LOG.info("simulated fingerprint line {} on {}: {}", lineId, link.describe(), modules);
        FingerprintWire.Reader reader = new FingerprintWire.Reader();
        byte[] buffer = new byte[512];
        try {
            while (running) {
                int n = link.read(buffer, READ_SLICE);
                for (FingerprintWire.Incoming packet : reader.feed(buffer, n)) {
                    handle(packet);
                }
            }
        } catch (LinkDownException e) {
            LOG.info("simulated fingerprint line {}: line down ({})", lineId, e.getMessage());
        } catch (IOException e) {
            LOG.warn("simulated fingerprint line {}: {}", lineId, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
            LOG.debug("simulated fingerprint line {} stopped ({} noise bytes skipped)", lineId, reader.skipped());
        }
    }

    private void handle(FingerprintWire.Incoming packet) throws IOException, InterruptedException {
        SimFingerprintModule module = moduleAt(packet.address());
        if (module == null || packet.packetId() != FingerprintWire.COMMAND) {
            return;
        }
        byte[] reply = packet.checksumOk()
                ? module.answer(packet.payload())
                : new byte[] {SimFingerprintModule.RECEIVE_ERROR};
        byte[] frame = FingerprintWire.encode(module.address(), FingerprintWire.ACK, reply);
        switch (module.fault()) {
            case NONE -> link.write(frame);
            case GARBAGE -> {
                byte[] junk = new byte[3 + noise.nextInt(12)];
                for (int i = 0; i < junk.length; i++) {
                    junk[i] = (byte) noise.nextInt(0xEF); // never 0xEF: noise that cannot start a packet
                }
                link.write(junk);
                link.write(frame);
            }
            case TRUNCATED -> link.write(Arrays.copyOf(frame, frame.length / 2));
            case BAD_CRC -> {
                frame[frame.length - 1]++;
                link.write(frame);
            }
            case SILENT -> LOG.debug("simulated fingerprint module {} stays silent", module.id());
            case SLOW -> {
                Thread.sleep(module.slowDelay());
                link.write(frame);
            }
        }
    }

    private SimFingerprintModule moduleAt(long address) {
        for (SimFingerprintModule module : modules) {
            if (module.address() == address) {
                return module;
            }
        }
        return null;
    }
}
