package dev.warden.sim.fingerprint;

import dev.warden.serial.SerialLink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A minimal test host that speaks raw bytes to a simulated module: writes hex frames and collects the reply bytes,
 * so the simulator is checked against literal frames, not against another implementation.
 */
final class RawHost {

    private final SerialLink link;

    RawHost(SerialLink link) {
        this.link = link;
    }

    static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    void send(String spacedHex) throws IOException {
        link.write(hex(spacedHex));
    }

    /** Writes a command frame and returns the reply frame as hex (empty when nothing came within 1 s). */
    String ask(String spacedHex) throws IOException {
        send(spacedHex);
        return hex(readFrame(Duration.ofSeconds(1)));
    }

    /** Reads one frame: 9 header bytes, then the announced length; or what arrived until {@code timeout}. */
    byte[] readFrame(Duration timeout) throws IOException {
        return readBytes(timeout, true);
    }

    /** Everything that arrives within {@code window}. */
    byte[] readAll(Duration window) throws IOException {
        return readBytes(window, false);
    }

    private byte[] readBytes(Duration timeout, boolean oneFrame) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[64];
        while (true) {
            byte[] sofar = got.toByteArray();
            if (oneFrame && sofar.length >= 9 && sofar.length >= 9 + (((sofar[7] & 0xFF) << 8) | (sofar[8] & 0xFF))) {
                return sofar;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return sofar;
            }
            int n = link.read(buffer, Duration.ofNanos(left));
            got.write(buffer, 0, n);
        }
    }
}
