package dev.warden.serial;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;

/**
 * The few libc calls that pseudo-terminals and the RS-485 probe need, through JNA (Linux and macOS only).
 * Every call returns the raw result; failures read {@code errno} from {@link Native#getLastError()}, which JNA keeps
 * per thread right after each call.
 */
final class Posix {

    static final short POLLIN = 0x001;
    static final short POLLOUT = 0x004;
    static final short POLLERR = 0x008;
    static final short POLLHUP = 0x010;
    static final short POLLNVAL = 0x020;

    static final int EINTR = 4;
    static final int EIO = 5;
    static final int EAGAIN = Platform.isMac() ? 35 : 11;

    private static final int F_SETFD = 2;
    private static final int F_GETFL = 3;
    private static final int F_SETFL = 4;
    private static final int FD_CLOEXEC = 1;
    private static final int O_NONBLOCK = Platform.isMac() ? 0x0004 : 0x0800;
    private static final int O_RDWR = 2;
    private static final int O_NOCTTY = Platform.isMac() ? 0x20000 : 0x100;
    private static final int TCSANOW = 0;
    /** Linux TIOCGRS485 (asm-generic ioctls): read the RS-485 settings of a serial driver. */
    private static final int TIOCGRS485 = 0x542E;
    /** Larger than {@code struct termios} on every supported platform (60 bytes on Linux, 72 on macOS). */
    private static final int TERMIOS_BYTES = 256;

    /** libc as JNA sees it; {@code size_t}/{@code ssize_t}/{@code nfds_t} are {@link NativeLong} (LP64 only). */
    private interface LibC extends Library {
        NativeLong read(int fd, Pointer buffer, NativeLong count);

        NativeLong write(int fd, Pointer buffer, NativeLong count);

        int poll(Pointer fds, NativeLong nfds, int timeoutMillis);

        int close(int fd);

        int pipe(int[] fds);

        int open(String path, int flags);

        int fcntl(int fd, int command, Object... args);

        int ioctl(int fd, NativeLong request, Object... args);

        int tcgetattr(int fd, Pointer termios);

        int tcsetattr(int fd, int optionalActions, Pointer termios);

        void cfmakeraw(Pointer termios);

        String strerror(int errno);
    }

    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
        static final Function OPENPTY = findOpenpty();

        private static Function findOpenpty() {
            try {
                return NativeLibrary.getInstance("c").getFunction("openpty");
            } catch (UnsatisfiedLinkError notInLibc) {
                // glibc before 2.34 (and some other libcs) keep openpty in libutil
                return NativeLibrary.getInstance("util").getFunction("openpty");
            }
        }
    }

    private Posix() {}

    private static LibC libc() {
        return Holder.LIBC;
    }

    static int errno() {
        return Native.getLastError();
    }

    static String describeErrno(int errno) {
        return "errno " + errno + " (" + libc().strerror(errno) + ")";
    }

    /** Master and slave descriptors of a new pseudo-terminal, and the slave's device path. */
    record Pty(int master, int slave, String slavePath) {}

    static Pty openpty() throws IOException {
        requireUnixLike();
        IntByReference master = new IntByReference(-1);
        IntByReference slave = new IntByReference(-1);
        Memory name = new Memory(4096); // glibc and macOS copy at most a short /dev/... path here
        name.clear();
        int result = Holder.OPENPTY.invokeInt(new Object[] {master, slave, name, Pointer.NULL, Pointer.NULL});
        if (result != 0) {
            throw new IOException("openpty failed: " + describeErrno(errno()));
        }
        return new Pty(master.getValue(), slave.getValue(), name.getString(0));
    }

    /** Puts a terminal in raw mode ({@code cfmakeraw}): no echo, no CR/LF mapping, no signals, no flow control. */
    static void makeRaw(int fd) throws IOException {
        try (Memory termios = new Memory(TERMIOS_BYTES)) {
            termios.clear();
            if (libc().tcgetattr(fd, termios) != 0) {
                throw new IOException("tcgetattr failed: " + describeErrno(errno()));
            }
            libc().cfmakeraw(termios);
            if (libc().tcsetattr(fd, TCSANOW, termios) != 0) {
                throw new IOException("tcsetattr failed: " + describeErrno(errno()));
            }
        }
    }

    static void setNonBlockingAndCloseOnExec(int fd) throws IOException {
        int flags = libc().fcntl(fd, F_GETFL);
        if (flags < 0 || libc().fcntl(fd, F_SETFL, flags | O_NONBLOCK) != 0) {
            throw new IOException("fcntl(O_NONBLOCK) failed: " + describeErrno(errno()));
        }
        setCloseOnExec(fd);
    }

    static void setCloseOnExec(int fd) throws IOException {
        if (libc().fcntl(fd, F_SETFD, FD_CLOEXEC) != 0) {
            throw new IOException("fcntl(FD_CLOEXEC) failed: " + describeErrno(errno()));
        }
    }

    /** A pipe as {read end, write end}. */
    static int[] pipe() throws IOException {
        int[] fds = new int[2];
        if (libc().pipe(fds) != 0) {
            throw new IOException("pipe failed: " + describeErrno(errno()));
        }
        return fds;
    }

    /** read(2) into {@code buffer}; returns the count, or -1 with {@link #errno()} set. */
    static int read(int fd, Memory buffer, int count) {
        return (int) libc().read(fd, buffer, new NativeLong(Math.min(count, buffer.size()))).longValue();
    }

    /** write(2) from {@code buffer}; returns the count, or -1 with {@link #errno()} set. */
    static int write(int fd, Memory buffer, int count) {
        return (int) libc().write(fd, buffer, new NativeLong(Math.min(count, buffer.size()))).longValue();
    }

    static void close(int fd) {
        if (fd >= 0) {
            libc().close(fd);
        }
    }

    /**
     * poll(2) over {@code fds} for {@code events} each; returns the {@code revents} of each descriptor (all zero on
     * timeout), or null when poll itself failed with EINTR (the caller re-polls).
     */
    static short[] poll(int[] fds, short[] events, int timeoutMillis) throws IOException {
        try (Memory pollfds = new Memory(8L * fds.length)) {
            for (int i = 0; i < fds.length; i++) {
                pollfds.setInt(8L * i, fds[i]);
                pollfds.setShort(8L * i + 4, events[i]);
                pollfds.setShort(8L * i + 6, (short) 0);
            }
            int result = libc().poll(pollfds, new NativeLong(fds.length), timeoutMillis);
            if (result < 0) {
                int errno = errno();
                if (errno == EINTR) {
                    return null;
                }
                throw new IOException("poll failed: " + describeErrno(errno));
            }
            short[] revents = new short[fds.length];
            for (int i = 0; i < fds.length; i++) {
                revents[i] = pollfds.getShort(8L * i + 6);
            }
            return revents;
        }
    }

    /**
     * Whether the serial driver behind {@code path} supports the Linux RS-485 ioctls. Opens a second descriptor
     * (no exclusive lock is taken, the line settings are untouched) and asks TIOCGRS485; a pseudo-terminal or a
     * plain UART answers ENOTTY. Returns a description of why not, or null when RS-485 is supported.
     */
    static String rs485Unsupported(String path) {
        if (!Platform.isLinux()) {
            return "RS-485 probing is implemented for Linux only";
        }
        int fd = libc().open(path, O_RDWR | O_NOCTTY | O_NONBLOCK);
        if (fd < 0) {
            return "cannot open " + path + " to probe: " + describeErrno(errno());
        }
        try (Memory rs485 = new Memory(32)) { // struct serial_rs485 is 32 bytes
            rs485.clear();
            if (libc().ioctl(fd, new NativeLong(TIOCGRS485), rs485) != 0) {
                return "TIOCGRS485 failed: " + describeErrno(errno());
            }
            return null;
        } finally {
            libc().close(fd);
        }
    }

    private static void requireUnixLike() throws IOException {
        if (!Platform.isLinux() && !Platform.isMac()) {
            throw new IOException("pseudo-terminals are supported on Linux and macOS only, not " + System.getProperty("os.name"));
        }
    }
}
