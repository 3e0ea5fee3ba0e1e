package dev.warden.controller.mqtt;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A private, throw-away Mosquitto broker for tests (Debian package {@code mosquitto}, 2.0.x): its own config, password
 * file and ACL file in a temporary folder, one plain listener on a free loopback port (never 1883, never the system
 * service), no anonymous clients, no persistence. {@link #close()} stops the process and deletes the folder.
 *
 * <p>ACL semantics of Mosquitto 2.0's {@code acl_file} (checked against 2.0.11): a PUBLISH outside the account's
 * {@code write} topics is dropped and answered with PUBACK reason 0x87; a SUBSCRIBE is always granted, and the
 * {@code read} topics are applied when a message is delivered, against the message's real topic — also for
 * {@code $share/<group>/<filter>} subscriptions. So an account that may {@code read} a topic can receive it through a
 * shared subscription without any {@code $share} line, and an account that may not never receives it.
 */
public final class LocalMosquitto implements AutoCloseable {

    /** One account of the broker: its password and its ACL lines in {@code acl_file} syntax. */
    public record Account(String username, String password, List<String> acl) {
        public Account {
            Objects.requireNonNull(username);
            Objects.requireNonNull(password);
            acl = List.copyOf(acl);
            if (username.contains(":") || username.isBlank()) {
                throw new IllegalArgumentException("invalid Mosquitto user name: " + username);
            }
        }
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String INSTALL_HINT = "Debian's mosquitto broker is not installed "
            + "(apt-get install -y mosquitto mosquitto-clients): no /usr/sbin/mosquitto and /usr/bin/mosquitto_passwd";

    private final Process process;
    private final Path dir;
    private final int port;
    private boolean closed;

    private LocalMosquitto(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** The broker binary, when Debian's {@code mosquitto} package (with {@code mosquitto_passwd}) is installed. */
    public static Optional<Path> binary() {
        return find("mosquitto", Path.of("/usr/sbin/mosquitto"), Path.of("/usr/local/sbin/mosquitto"))
                .filter(b -> passwdTool(b).isPresent());
    }

    /**
     * The broker binary, or: in CI (environment variable {@code CI} set) a failed test, elsewhere a skipped one — CI
     * installs the package, so there a missing broker is a broken build, not a reason to skip.
     */
    public static Path binaryOrSkip() {
        Optional<Path> binary = binary();
        if (binary.isEmpty() && System.getenv("CI") != null) {
            Assertions.fail(INSTALL_HINT + " — CI must install it");
        }
        Assumptions.assumeTrue(binary.isPresent(), INSTALL_HINT);
        return binary.orElseThrow();
    }

    /** A random secret for a test account (URL-safe, no ':'). */
    public static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Writes the config, hashes the passwords with {@code mosquitto_passwd -U}, starts the broker and waits for it. */
    public static LocalMosquitto start(Path binary, List<Account> accounts) throws IOException, InterruptedException {
        Path passwd = passwdTool(binary).orElseThrow(() -> new IllegalStateException(INSTALL_HINT));
        Path dir = Files.createTempDirectory("warden-mosquitto-");
        LocalMosquitto broker = null;
        try {
            Path passwordFile = dir.resolve("passwords");
            Path aclFile = dir.resolve("acl");
            StringBuilder passwords = new StringBuilder();
            StringBuilder acl = new StringBuilder("# one block per account; anything not granted is denied\n");
            for (Account account : accounts) {
                passwords.append(account.username()).append(':').append(account.password()).append('\n');
                acl.append("\nuser ").append(account.username()).append('\n');
                account.acl().forEach(line -> acl.append(line).append('\n'));
            }
            writePrivate(passwordFile, passwords.toString());
            writePrivate(aclFile, acl.toString());
            run(dir, passwd.toString(), "-U", passwordFile.toString());

            int port = freePort();
            Path config = dir.resolve("mosquitto.conf");
            List<String> conf = new ArrayList<>(List.of(
                    "# private broker of one test run (LocalMosquitto)",
                    "per_listener_settings false",
                    "listener " + port + " 127.0.0.1",
                    "max_topic_alias 0",  // see docs/operations.md: Paho 1.2.5 resends aliased PUBLISHes after a reconnect
                    "allow_anonymous false",
                    "password_file " + passwordFile,
                    "acl_file " + aclFile,
                    "persistence false",
                    "log_dest file " + dir.resolve("mosquitto.log"),
                    "log_type error",
                    "log_type warning",
                    "log_type notice",
                    "log_type information",
                    "log_type subscribe",
                    "connection_messages true"));
            if ("root".equals(System.getProperty("user.name"))) {
                // as root, mosquitto would switch to the 'mosquitto' user, which cannot read this private folder
                conf.add("user root");
            }
            writePrivate(config, String.join("\n", conf) + "\n");

            Process process = new ProcessBuilder(binary.toString(), "-c", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("stdout.log").toFile())
                    .start();
            broker = new LocalMosquitto(process, dir, port);
            LocalMosquitto started = broker;
            await("mosquitto listening on 127.0.0.1:" + port)
                    .atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("mosquitto exited with code " + process.exitValue()
                                    + " before listening on port " + port + ":\n" + started.output());
                        }
                        return accepting(port);
                    });
            return broker;
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (broker != null) {
                broker.close();
            } else {
                deleteRecursively(dir);
            }
            throw e;
        }
    }

    /** {@code tcp://127.0.0.1:<port>}. */
    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Mosquitto's log so far (connections, refusals, subscriptions): for assertions and failure messages. */
    public String log() {
        return read(dir.resolve("mosquitto.log"));
    }

    /** Stops the broker (SIGTERM, then SIGKILL after 5 s) and deletes its folder. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            deleteRecursively(dir);
        }
    }

    private String output() {
        return read(dir.resolve("stdout.log")) + read(dir.resolve("mosquitto.log"));
    }

    private static Optional<Path> passwdTool(Path binary) {
        Path parent = binary.getParent();
        Path beside = parent == null || parent.getParent() == null ? null
                : parent.getParent().resolve("bin").resolve("mosquitto_passwd");
        List<Path> candidates = new ArrayList<>();
        if (beside != null) {
            candidates.add(beside);
        }
        candidates.add(Path.of("/usr/bin/mosquitto_passwd"));
        return find("mosquitto_passwd", candidates.toArray(Path[]::new));
    }

    private static Optional<Path> find(String name, Path... usual) {
        for (Path p : usual) {
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(java.io.File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(s -> Path.of(s, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Path out = dir.resolve("command.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        if (p.exitValue() != 0) {
            throw new IOException("failed (" + p.exitValue() + "): " + String.join(" ", command) + "\n" + read(out));
        }
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the temporary folder is private enough for a test
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepting(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder: the OS cleans up what is left
        }
    }
}
