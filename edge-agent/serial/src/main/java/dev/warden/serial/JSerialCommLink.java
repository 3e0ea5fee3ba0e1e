package dev.warden.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open local serial port (see {@link SerialPorts}). Each native read waits at most {@link #MAX_WAIT_MILLIS}, so a
 * {@link #close()} from another thread ends a pending read within that time even on drivers where closing a
 * descriptor does not wake a reader.
 */
final class JSerialCommLink implements SerialLink {

    private static final Logger LOG = LoggerFactory.getLogger(JSerialCommLink.class);
    /** termios VTIME counts tenths of a second. */
    static final int TIMEOUT_STEP_MILLIS = 100;
    private static final int MAX_WAIT_MILLIS = 1000;

    private final SerialPort port;
    private final String description;
    private final Runnable onClosed;
    private int configuredWaitMillis = TIMEOUT_STEP_MILLIS;
    private volatile boolean closed;

    /** @param onClosed run once after the port has been closed */
    JSerialCommLink(SerialPort port, String description, Runnable onClosed) {
        this.port = port;
        this.description = description;
        this.onClosed = onClosed;
    }

    @Override
    public void write(byte[] data) throws IOException {
        ensureOpen();
        if (data.length == 0) {
            return;
        }
        int written = port.writeBytes(data, data.length);
        if (written != data.length) {
            throw down("hung up (write failed after " + Math.max(0, written) + " of " + data.length + " bytes)");
        }
    }

    @Override
    public int read(byte[] buffer, Duration timeout) throws IOException {
        ensureOpen();
        if (buffer.length == 0) {
            return 0;
        }
        long timeoutNanos = Timeouts.nanos(timeout);
        if (timeoutNanos == 0) {
            int available = port.bytesAvailable();
            if (available < 0) {
                throw down("hung up");
            }
            if (available == 0) {
                return 0;
            }
        }
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            long remainingMillis = (deadline - System.nanoTime() + 999_999) / 1_000_000;
            waitAtMost(remainingMillis);
            int count = port.readBytes(buffer, buffer.length, 0);
            if (count > 0) {
                return count;
            }
            ensureOpen();
            if (count < 0) {
                throw down("hung up");
            }
            if (deadline - System.nanoTime() <= 0) {
                return 0;
            }
        }
    }

    /** Sets VTIME for the next native read: the remaining time rounded up to 100 ms, capped; unchanged if equal. */
    private void waitAtMost(long remainingMillis) throws IOException {
        long steps = Math.max(1, (remainingMillis + TIMEOUT_STEP_MILLIS - 1) / TIMEOUT_STEP_MILLIS);
        int waitMillis = (int) Math.min(MAX_WAIT_MILLIS, steps * TIMEOUT_STEP_MILLIS);
        if (waitMillis != configuredWaitMillis) {
            if (!port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, waitMillis, 0)) {
                ensureOpen();
                throw down("hung up (cannot set the read timeout)");
            }
            configuredWaitMillis = waitMillis;
        }
    }

    @Override
    public void discardInput() throws IOException {
        ensureOpen();
        if (!port.flushIOBuffers()) {
            ensureOpen();
            throw down("hung up (cannot discard input)");
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        port.closePort();
        onClosed.run();
        LOG.debug("Closed {}", description);
    }

    /** The line is gone: release the port at once (never keep polling a hung-up descriptor) and say why. */
    private LinkDownException down(String what) {
        int errno = port.getLastErrorCode();
        LOG.debug("{} {} (errno {}); closing the port", description, what, errno);
        close();
        return new LinkDownException(description + " " + what + " (errno " + errno + ")");
    }

    private void ensureOpen() throws LinkDownException {
        if (closed) {
            throw new LinkDownException(description + " closed");
        }
    }
}
