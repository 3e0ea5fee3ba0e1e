package dev.warden.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local serial ports through jSerialComm.
 *
 * <p>Reads use termios' semi-blocking timeouts (VMIN=0, VTIME): a read returns as soon as a byte is there, and a
 * timeout has the kernel's resolution of 0.1 s (it is rounded up to the next 100 ms). Writes block until the bytes
 * have left the transmitter ({@code tcdrain}), on RS-485 and plain lines alike. A hang-up (USB adapter unplugged, pty
 * master closed) makes the driver report an error on read or write; the link then closes the port itself and throws
 * {@link LinkDownException}. No event listener is used: on a hang-up jSerialComm's listener fires PORT_DISCONNECTED in
 * a tight loop.
 */
public final class SerialPorts {

    private static final Logger LOG = LoggerFactory.getLogger(SerialPorts.class);
    /**
     * Devices (real paths) open through this class. jSerialComm keeps one native record per path and refuses a second
     * open with an internal code that looks like an errno; this set gives that case a clear message instead.
     */
    private static final Set<String> OPEN_DEVICES = ConcurrentHashMap.newKeySet();

    private SerialPorts() {}

    /** An opener for the local serial line {@code settings} describes; nothing is opened until {@link LinkOpener#open()}. */
    public static LinkOpener opener(SerialSettings settings) {
        return new PortOpener(Objects.requireNonNull(settings, "settings"));
    }

    private static final class PortOpener implements LinkOpener {
        private final SerialSettings settings;
        private final AtomicBoolean rs485Reported = new AtomicBoolean();

        PortOpener(SerialSettings settings) {
            this.settings = settings;
        }

        @Override
        public SerialLink open() throws IOException {
            String device = resolve(settings.port());
            if (!OPEN_DEVICES.add(device)) {
                throw new IOException("serial port " + settings.port() + named(device) + " is already open in this process");
            }
            try {
                return open(device);
            } catch (IOException | RuntimeException e) {
                OPEN_DEVICES.remove(device);
                throw e;
            }
        }

        private SerialLink open(String device) throws IOException {
            SerialPort port;
            try {
                port = SerialPort.getCommPort(device);
            } catch (SerialPortInvalidPortException e) {
                throw new IOException("serial port " + settings.port() + named(device) + " is not usable: " + e.getMessage(), e);
            }
            port.setComPortParameters(settings.baud(), settings.dataBits(), stopBits(settings.stopBits()), parity(settings.parity()));
            port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                    JSerialCommLink.TIMEOUT_STEP_MILLIS, 0);
            if (settings.rs485()) {
                // RTS high while sending, receiver off while sending, no extra delays
                port.setRs485ModeParameters(true, true, false, false, 0, 0);
            }
            if (!port.openPort()) {
                throw new IOException("cannot open serial port " + settings.port() + named(device) + ": "
                        + explain(port.getLastErrorCode()));
            }
            if (settings.rs485()) {
                reportRs485Support(device);
            }
            LOG.debug("Opened {} ({})", settings.describe(), device);
            return new JSerialCommLink(port, settings.describe(), () -> OPEN_DEVICES.remove(device));
        }

        private String named(String device) {
            return device.equals(settings.port()) ? "" : " (" + device + ")";
        }

        /** The driver silently ignores RS-485 where the OS has no support (a pty, a plain UART): say so once. */
        private void reportRs485Support(String device) {
            String unsupported;
            try {
                unsupported = Posix.rs485Unsupported(device);
            } catch (RuntimeException | LinkageError e) { // no usable libc through JNA: the line still works
                unsupported = "cannot probe: " + e;
            }
            if (unsupported != null && rs485Reported.compareAndSet(false, true)) {
                LOG.debug("{}: RS-485 mode not available ({}); writes still wait until sent", settings.describe(), unsupported);
            }
        }

        @Override
        public String describe() {
            return settings.describe();
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** Follows symlinks (the simulator's stable names point to /dev/pts/N) and fails with the configured name. */
    private static String resolve(String configured) throws IOException {
        try {
            return Path.of(configured).toRealPath().toString();
        } catch (NoSuchFileException e) {
            throw new IOException("serial port " + configured + " does not exist"
                    + (e.getFile() != null && !e.getFile().equals(configured) ? " (" + e.getFile() + " missing)" : ""), e);
        } catch (IOException e) {
            throw new IOException("serial port " + configured + " cannot be resolved: " + e.getMessage(), e);
        }
    }

    /** The usual reasons an open fails on Linux, in words; jSerialComm reports the errno of open(2)/flock(2). */
    private static String explain(int errno) {
        return switch (errno) {
            case 2 -> "no such device (errno 2)";
            case 11 -> "in use by another process (errno 11, locked)";
            case 13 -> "permission denied (errno 13; is the user in the dialout group?)";
            case 16 -> "device busy (errno 16)";
            case 25 -> "not a terminal device (errno 25)";
            default -> "errno " + errno;
        };
    }

    private static int stopBits(int stopBits) {
        return stopBits == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
    }

    private static int parity(SerialSettings.Parity parity) {
        return switch (parity) {
            case NONE -> SerialPort.NO_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
        };
    }
}
