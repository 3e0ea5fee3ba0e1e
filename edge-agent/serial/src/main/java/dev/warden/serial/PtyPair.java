package dev.warden.serial;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pseudo-terminal pair standing in for a serial cable: the simulator's device talks on the {@link #master()} side,
 * and the agent opens {@link #slavePath()} (or the stable symlink) as if it were {@code /dev/ttyUSB0}. No socat
 * needed: the pair comes from {@code openpty(3)} through JNA. <b>Linux and macOS only.</b>
 *
 * <ul>
 *   <li>Both sides are put in raw mode ({@code cfmakeraw}) at creation, so no line discipline ever touches a byte:
 *       no echo, no CR/LF mapping, no ^C/^S/^Q handling. All 256 byte values pass unchanged.</li>
 *   <li>The pair keeps its own slave descriptor open for its whole life. Without it, the master would see EIO/POLLHUP
 *       whenever no host has the port open, and the raw settings would be reset on the host's last close. So a host
 *       may open and close the port many times; the device side simply keeps waiting.</li>
 *   <li>{@link #close()} hangs the line up: the kernel turns the host's open descriptor into a hung-up one, so a
 *       host reading the port sees the equivalent of an unplugged USB adapter. Bytes the device wrote while no host
 *       had the port open wait in the slave's input queue, as on a line whose receiver buffers them.</li>
 *   <li>With a stable link (e.g. {@code data/demo/dev/osdp-1 -> /dev/pts/7}) the agent's configuration never
 *       changes: a new pair on the same link replaces it atomically ("plugged back in"), and closing a pair removes
 *       the link only if it still points to this pair's slave.</li>
 * </ul>
 */
public final class PtyPair implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(PtyPair.class);

    private final int masterFd;
    private final int slaveFd;
    private final Path slavePath;
    private final Path stableLink;
    private final PtyMasterLink master;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PtyPair(Posix.Pty pty, Path stableLink) throws IOException {
        this.masterFd = pty.master();
        this.slaveFd = pty.slave();
        this.slavePath = Path.of(pty.slavePath());
        this.stableLink = stableLink;
        this.master = new PtyMasterLink(this, masterFd);
    }

    /** Opens a new raw pseudo-terminal pair. */
    public static PtyPair open() throws IOException {
        return create(null);
    }

    /**
     * Opens a new raw pseudo-terminal pair and points {@code stableLink} at its slave (parent folders created, an
     * existing link or file replaced atomically).
     */
    public static PtyPair open(Path stableLink) throws IOException {
        return create(stableLink.toAbsolutePath().normalize());
    }

    private static PtyPair create(Path stableLink) throws IOException {
        Posix.Pty pty = Posix.openpty();
        PtyPair pair = null;
        try {
            Posix.makeRaw(pty.slave());
            Posix.makeRaw(pty.master());
            Posix.setNonBlockingAndCloseOnExec(pty.master());
            Posix.setCloseOnExec(pty.slave());
            pair = new PtyPair(pty, stableLink);
            if (stableLink != null) {
                pair.link();
            }
            LOG.debug("Opened pty {}{}", pty.slavePath(), stableLink == null ? "" : " as " + stableLink);
            return pair;
        } catch (IOException | RuntimeException | Error e) {
            if (pair != null) {
                pair.close();
            } else {
                Posix.close(pty.master());
                Posix.close(pty.slave());
            }
            throw e;
        }
    }

    private void link() throws IOException {
        Path parent = stableLink.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path temporary = stableLink.resolveSibling("." + stableLink.getFileName() + "." + ProcessHandle.current().pid()
                + "." + slavePath.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createSymbolicLink(temporary, slavePath);
        try {
            // rename(2) replaces an existing link atomically: a host never sees the name missing
            Files.move(temporary, stableLink, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw new IOException("cannot link " + stableLink + " to " + slavePath + ": " + e.getMessage(), e);
        }
    }

    /** The device side of the line. The same link every call; closing it closes the pair. */
    public SerialLink master() {
        return master;
    }

    /** The host side's device path, e.g. {@code /dev/pts/7}. */
    public Path slavePath() {
        return slavePath;
    }

    /** The stable symlink pointing at {@link #slavePath()}, if this pair was opened with one. */
    public Optional<Path> stableLink() {
        return Optional.ofNullable(stableLink);
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Hangs up the line: removes the stable link if it still points here, wakes and fails the master's pending read or
     * write with {@link LinkDownException}, then closes the master (the host side sees a hang-up) and the slave
     * descriptor this pair holds. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        unlinkIfOurs();
        master.shutDown(() -> {
            Posix.close(masterFd);
            Posix.close(slaveFd);
        });
        LOG.debug("Closed pty {}", slavePath);
    }

    private void unlinkIfOurs() {
        if (stableLink == null) {
            return;
        }
        try {
            if (Files.isSymbolicLink(stableLink) && Files.readSymbolicLink(stableLink).equals(slavePath)) {
                Files.delete(stableLink);
            }
        } catch (NoSuchFileException alreadyGone) {
            // removed or replaced concurrently: nothing of ours left to remove
        } catch (IOException e) {
            LOG.warn("Could not remove the link {} to {}: {}", stableLink, slavePath, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "pty:" + slavePath + (stableLink == null ? "" : " (" + stableLink + ")");
    }
}
