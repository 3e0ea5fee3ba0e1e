package dev.warden.serial;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An in-process serial line: two {@link SerialLink} ends joined back to back like a null-modem cable, for tests and
 * for running simulated devices in the same JVM as the agent. What the {@link #host()} end writes, the
 * {@link #device()} end reads, and the other way round.
 *
 * <p>Like a UART, each direction has a bounded receive buffer ({@link #DEFAULT_CAPACITY} unless given): a reader
 * that falls behind loses the oldest bytes (counted in {@link #dropped()}), so memory never grows with a chatty peer.
 *
 * <p>Hanging up: {@link #hangUp()} (or closing either end) takes the current connection down. Both ends then throw
 * {@link LinkDownException} from every call, and a read blocked on either end wakes at once — as a hung-up
 * pseudo-terminal or an unplugged USB adapter does. {@code hangUp()} also unplugs the cable: the {@link #hostOpener}
 * refuses to open until {@link #replug()}, which gives the cable a fresh connection (new ends).
 *
 * <p>The {@link #hostOpener} is what a driver keeps: its first {@code open()} hands out the current host end; an
 * {@code open()} after that (the driver closed its end after an error, or simply opens again) plugs a fresh connection
 * into the cable, hanging up the previous one. The device end of every connection it hands out can be given to a
 * simulated device ({@link #hostOpener(Consumer)}), so the device serves each new connection as a real device would
 * after a re-plug.
 *
 * <p>Each end is driven by one thread at a time (as {@link SerialLink} says); {@code hangUp}, {@code replug} and
 * {@code close} may be called from any thread.
 */
public final class MemoryCable implements AutoCloseable {

    /** Bytes each direction holds before the oldest are dropped: 64 KiB, like the TCP carrier's input buffer. */
    public static final int DEFAULT_CAPACITY = InputBuffer.DEFAULT_CAPACITY;

    private final String name;
    private final int capacity;
    private final AtomicInteger opens = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private Connection current; // guarded by this
    private boolean handedOut; // the opener gave out the current connection's host end; guarded by this
    private boolean unplugged; // guarded by this
    private long droppedBefore; // bytes dropped by connections no longer current; guarded by this

    private MemoryCable(String name, int capacity) {
        this.name = Objects.requireNonNull(name, "name");
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, not " + capacity);
        }
        this.capacity = capacity;
        this.current = new Connection(connections.incrementAndGet());
    }

    /** A plugged-in cable with {@link #DEFAULT_CAPACITY} bytes of buffer in each direction. */
    public static MemoryCable create(String name) {
        return new MemoryCable(name, DEFAULT_CAPACITY);
    }

    /** A plugged-in cable that buffers at most {@code capacity} unread bytes in each direction. */
    public static MemoryCable create(String name, int capacity) {
        return new MemoryCable(name, capacity);
    }

    public String name() {
        return name;
    }

    /** The host end (the agent's or a test's side) of the current connection. */
    public synchronized SerialLink host() {
        return current.host;
    }

    /** The device end (the simulated device's side) of the current connection. */
    public synchronized SerialLink device() {
        return current.device;
    }

    /**
     * Unplugs the cable: the current connection goes down (both ends throw {@link LinkDownException}, blocked reads
     * wake) and the {@link #hostOpener} fails until {@link #replug()}. Calling it again does nothing.
     */
    public synchronized void hangUp() {
        unplugged = true;
        current.down();
    }

    /**
     * Plugs the cable back in with a fresh connection: {@link #host()} and {@link #device()} give new ends and the
     * {@link #hostOpener} opens again. The previous connection, if still up, is hung up first.
     */
    public synchronized void replug() {
        unplugged = false;
        fresh();
    }

    /** Whether the current connection is down (after {@link #hangUp()} or after either end was closed). */
    public synchronized boolean isHungUp() {
        return current.isDown();
    }

    /** Whether the cable is unplugged: {@link #hangUp()} was called and {@link #replug()} not yet. */
    public synchronized boolean isUnplugged() {
        return unplugged;
    }

    /** How many times a {@link #hostOpener} opened the cable successfully. */
    public int opens() {
        return opens.get();
    }

    /** Bytes dropped so far because a reader fell more than the capacity behind, both directions, all connections. */
    public synchronized long dropped() {
        return droppedBefore + current.toHost.dropped() + current.toDevice.dropped();
    }

    /** An opener of the host end; whoever holds {@link #device()} serves the device end of what it opens. */
    public LinkOpener hostOpener() {
        return hostOpener(device -> {});
    }

    /**
     * An opener of the host end that hands the device end of each connection it opens to {@code serveDevice} (before
     * {@code open()} returns), e.g. a simulated device that answers on it.
     */
    public LinkOpener hostOpener(Consumer<? super SerialLink> serveDevice) {
        Objects.requireNonNull(serveDevice, "serveDevice");
        return new LinkOpener() {
            @Override
            public SerialLink open() throws IOException {
                Connection connection = openConnection();
                serveDevice.accept(connection.device);
                return connection.host;
            }

            @Override
            public String describe() {
                return "memory:" + name;
            }
        };
    }

    private synchronized Connection openConnection() throws IOException {
        if (unplugged) {
            throw new IOException("memory:" + name + " is unplugged");
        }
        if (handedOut || current.isDown()) {
            fresh();
        }
        handedOut = true;
        opens.incrementAndGet();
        return current;
    }

    private void fresh() {
        Connection old = current;
        old.down();
        droppedBefore += old.toHost.dropped() + old.toDevice.dropped();
        current = new Connection(connections.incrementAndGet());
        handedOut = false;
    }

    /** Same as {@link #hangUp()}. */
    @Override
    public void close() {
        hangUp();
    }

    @Override
    public String toString() {
        return "MemoryCable[" + name + "]";
    }

    /** One plugged-in period of the cable: two ends sharing one down flag. */
    private final class Connection {
        final InputBuffer toHost = new InputBuffer(capacity);
        final InputBuffer toDevice = new InputBuffer(capacity);
        final End host;
        final End device;
        private volatile boolean down;

        Connection(int number) {
            String suffix = number == 1 ? "" : "#" + number;
            this.host = new End(this, "memory:" + name + suffix + "/host", toHost, toDevice);
            this.device = new End(this, "memory:" + name + suffix + "/device", toDevice, toHost);
        }

        boolean isDown() {
            return down;
        }

        void down() {
            down = true;
            toHost.close();
            toDevice.close();
        }
    }

    private static final class End implements SerialLink {
        private final Connection connection;
        private final String description;
        private final InputBuffer in;
        private final InputBuffer out;

        End(Connection connection, String description, InputBuffer in, InputBuffer out) {
            this.connection = connection;
            this.description = description;
            this.in = in;
            this.out = out;
        }

        @Override
        public void write(byte[] data) throws IOException {
            checkUp();
            out.append(data, 0, data.length);
        }

        @Override
        public int read(byte[] buffer, Duration timeout) throws IOException {
            checkUp();
            if (buffer.length == 0) {
                return 0;
            }
            int n = in.take(buffer, Timeouts.nanos(timeout));
            if (n < 0) {
                throw hungUp();
            }
            return n;
        }

        @Override
        public void discardInput() throws IOException {
            checkUp();
            in.clear();
        }

        @Override
        public String describe() {
            return description;
        }

        /** Hangs up the connection, as unplugging the cable at this end would. */
        @Override
        public void close() {
            connection.down();
        }

        private void checkUp() throws LinkDownException {
            if (connection.isDown()) {
                throw hungUp();
            }
        }

        private LinkDownException hungUp() {
            return new LinkDownException(description + " is hung up");
        }
    }
}
