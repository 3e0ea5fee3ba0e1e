package dev.warden.serial;

import com.sun.jna.Memory;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device side of a {@link PtyPair}: libc read/write/poll on the non-blocking master descriptor. A self-pipe in
 * every poll lets {@link PtyPair#close()} wake a blocked read or write at once; descriptors are closed only after both
 * have let go, so a number is never reused under a running call.
 *
 * <p>EIO or POLLHUP on the master means no host holds the port open. That is not a link failure for the device (it
 * keeps waiting for a host, like a reader on an unconnected cable): reads idle until the timeout, and writes are lost
 * as on a line nobody listens to. Only {@link #close()} ends the link.
 */
final class PtyMasterLink implements SerialLink {

    private static final Logger LOG = LoggerFactory.getLogger(PtyMasterLink.class);
    private static final int BUFFER_BYTES = 4096;
    /** How long a write waits for the host to drain a full input queue before the rest is dropped. */
    private static final long WRITE_STALL_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Re-check interval while no host has the port open (poll would report POLLHUP at once, forever). */
    private static final int IDLE_POLL_MILLIS = 20;

    private final PtyPair pair;
    private final int masterFd;
    private final int wakeReadFd;
    private final int wakeWriteFd;
    private final Memory readBuffer = new Memory(BUFFER_BYTES);
    private final Memory writeBuffer = new Memory(BUFFER_BYTES);
    private final ReentrantLock readLock = new ReentrantLock();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicLong droppedBytes = new AtomicLong();
    private volatile boolean closed;

    PtyMasterLink(PtyPair pair, int masterFd) throws IOException {
        this.pair = pair;
        this.masterFd = masterFd;
        int[] wake = Posix.pipe();
        this.wakeReadFd = wake[0];
        this.wakeWriteFd = wake[1];
        try {
            Posix.setNonBlockingAndCloseOnExec(wakeReadFd);
            Posix.setNonBlockingAndCloseOnExec(wakeWriteFd);
        } catch (IOException e) {
            Posix.close(wakeReadFd);
            Posix.close(wakeWriteFd);
            throw e;
        }
    }

    @Override
    public void write(byte[] data) throws IOException {
        writeLock.lock();
        try {
            int offset = 0;
            long stallDeadline = System.nanoTime() + WRITE_STALL_NANOS;
            while (offset < data.length) {
                ensureOpen();
                int chunk = Math.min(data.length - offset, BUFFER_BYTES);
                writeBuffer.write(0, data, offset, chunk);
                int written = Posix.write(masterFd, writeBuffer, chunk);
                if (written > 0) {
                    offset += written;
                    continue;
                }
                int errno = Posix.errno();
                if (written < 0 && errno == Posix.EINTR) {
                    continue;
                }
                if (written < 0 && errno == Posix.EAGAIN) {
                    long remaining = stallDeadline - System.nanoTime();
                    if (remaining > 0) {
                        awaitMaster(Posix.POLLOUT, millisCeil(remaining));
                        continue;
                    }
                }
                if (written < 0 && errno != Posix.EAGAIN && errno != Posix.EIO) {
                    throw new IOException(describe() + ": write failed: " + Posix.describeErrno(errno));
                }
                drop(data.length - offset, errno == Posix.EIO ? "no host has the port open" : "the host is not reading");
                return;
            }
        } finally {
            writeLock.unlock();
        }
    }

    private void drop(int bytes, String why) {
        long total = droppedBytes.addAndGet(bytes);
        LOG.debug("{}: {} written bytes lost, {} ({} so far)", describe(), bytes, why, total);
    }

    @Override
    public int read(byte[] buffer, Duration timeout) throws IOException {
        if (buffer.length == 0) {
            ensureOpen();
            return 0;
        }
        readLock.lock();
        try {
            long deadline = System.nanoTime() + Timeouts.nanos(timeout);
            while (true) {
                ensureOpen();
                long remaining = deadline - System.nanoTime();
                short revents = awaitMaster(Posix.POLLIN, millisCeil(Math.max(0, remaining)));
                if ((revents & Posix.POLLIN) != 0) {
                    int count = Posix.read(masterFd, readBuffer, buffer.length);
                    if (count > 0) {
                        readBuffer.read(0, buffer, 0, count);
                        return count;
                    }
                    int errno = Posix.errno();
                    if (count < 0 && errno != Posix.EAGAIN && errno != Posix.EINTR && errno != Posix.EIO) {
                        throw new IOException(describe() + ": read failed: " + Posix.describeErrno(errno));
                    }
                    if (count == 0 || errno == Posix.EIO) {
                        idle(deadline); // no host holds the port open
                    }
                } else if ((revents & (Posix.POLLHUP | Posix.POLLERR)) != 0) {
                    idle(deadline);
                }
                if (deadline - System.nanoTime() <= 0) {
                    ensureOpen();
                    return 0;
                }
            }
        } finally {
            readLock.unlock();
        }
    }

    /** No host has the port open: wait a little (or until closed) instead of spinning on POLLHUP. */
    private void idle(long deadline) throws IOException {
        long remaining = deadline - System.nanoTime();
        if (remaining > 0) {
            Posix.poll(new int[] {wakeReadFd}, new short[] {Posix.POLLIN}, Math.min(IDLE_POLL_MILLIS, millisCeil(remaining)));
        }
    }

    /** Polls the master for {@code events} and the wake pipe; returns the master's revents (0 on timeout). */
    private short awaitMaster(short events, int timeoutMillis) throws IOException {
        short[] revents = Posix.poll(new int[] {masterFd, wakeReadFd}, new short[] {events, Posix.POLLIN}, timeoutMillis);
        if (revents == null) {
            return 0; // EINTR: the caller loops and re-polls with what is left of its deadline
        }
        if (revents[1] != 0 || (revents[0] & Posix.POLLNVAL) != 0) {
            ensureOpen();
        }
        return revents[0];
    }

    @Override
    public void discardInput() throws IOException {
        readLock.lock();
        try {
            while (true) {
                ensureOpen();
                int count = Posix.read(masterFd, readBuffer, BUFFER_BYTES);
                if (count <= 0) {
                    return;
                }
            }
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public String describe() {
        return "pty-master:" + pair.slavePath();
    }

    /** Bytes the device wrote that no host could take (none open, or not reading for a second). */
    long droppedBytes() {
        return droppedBytes.get();
    }

    /** Closes the whole pair (hangs the line up). */
    @Override
    public void close() {
        pair.close();
    }

    /** Called once by {@link PtyPair#close()}: wake and fail any pending call, then release the descriptors. */
    void shutDown(Runnable closeDescriptors) {
        closed = true;
        try (Memory one = new Memory(1)) {
            one.setByte(0, (byte) 1);
            Posix.write(wakeWriteFd, one, 1);
        }
        readLock.lock();
        writeLock.lock();
        try {
            closeDescriptors.run();
            Posix.close(wakeReadFd);
            Posix.close(wakeWriteFd);
            readBuffer.close();
            writeBuffer.close();
        } finally {
            writeLock.unlock();
            readLock.unlock();
        }
    }

    private void ensureOpen() throws LinkDownException {
        if (closed) {
            throw new LinkDownException(describe() + " closed");
        }
    }

    private static int millisCeil(long nanos) {
        return (int) Math.min(Integer.MAX_VALUE, (nanos + 999_999) / 1_000_000);
    }
}
