package dev.warden.serial;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

/**
 * A byte stream to one serial line, whichever carries it: a local serial port, a TCP serial device server, or one
 * side of a pseudo-terminal pair. Protocol drivers (OSDP, fingerprint, Modbus) are written against this interface
 * only and never know the carrier.
 *
 * <p>One thread drives a link at a time (a bus master polls; a simulated device answers); implementations need not
 * be safe for concurrent readers. {@link #close} may be called from any thread and wakes a blocked {@link #read}.
 */
public interface SerialLink extends Closeable {

    /**
     * Writes all of {@code data}. On a half-duplex (RS-485) line the call returns once the bytes have left the
     * transmitter, so the caller may listen for the reply at once.
     *
     * @throws LinkDownException if the line is gone (unplugged, hung up, connection closed)
     */
    void write(byte[] data) throws IOException;

    /**
     * Reads what has arrived, waiting at most {@code timeout} for the first byte.
     *
     * @return the number of bytes placed at the start of {@code buffer}; 0 when nothing arrived in time
     * @throws LinkDownException if the line is gone (unplugged, hung up, connection closed)
     */
    int read(byte[] buffer, Duration timeout) throws IOException;

    /** Discards bytes received but not yet read (used after a timeout, before a retry). */
    void discardInput() throws IOException;

    /** A short human description for logs and events, e.g. {@code serial:/dev/ttyUSB0@9600-8N1} or {@code tcp:10.0.0.5:4001}. */
    String describe();
}
