package dev.warden.controller.broker;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import dev.warden.controller.mqtt.LocalBroker;
import dev.warden.controller.mqtt.MqttAccounts;
import dev.warden.controller.mqtt.MqttIngressStats;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT 5 broker inside the controller (HiveMQ CE embedded). Started when the application context starts,
 * stopped when it closes. Its config, data and (empty) extensions folders live under
 * {@code ${warden.data-dir:data}/broker}. Devices authenticate against {@link MqttAccounts} and are confined to
 * their topic filters by {@link DeviceSecurityExtension}; the controller's own client uses an internal account.
 *
 * <p>Configured by {@link EmbeddedBrokerConfig} ({@code warden.mqtt.embedded.*}). Not started when
 * {@code warden.mqtt.enabled=false}, {@code warden.mqtt.embedded.enabled=false} or when
 * {@code warden.mqtt.external.uri} names an external broker.
 */
@Context
@Requires(property = "warden.mqtt.enabled", notEquals = "false")
@Requires(property = "warden.mqtt.embedded.enabled", notEquals = "false")
@Requires(missingProperty = "warden.mqtt.external.uri")
public class EmbeddedBroker implements LocalBroker, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final long START_TIMEOUT_S = 60;
    private static final long STOP_TIMEOUT_S = 30;

    private final EmbeddedBrokerConfig config;
    private final Path brokerDir;
    private final boolean deleteDirOnClose;
    private final int configuredPort;
    private final MqttAccounts accounts;
    private final MqttIngressStats stats;
    private final InternalAccount internal = new InternalAccount();

    private @Nullable EmbeddedHiveMQ hivemq;
    private @Nullable ThreadPoolExecutor authExecutor;
    private @Nullable DeviceSecurityExtension security;
    private volatile int port = -1;
    private volatile int tlsPort = -1;

    @Inject
    EmbeddedBroker(EmbeddedBrokerConfig config, Environment environment, MqttAccounts accounts,
            MqttIngressStats stats) {
        this(config, brokerDirFor(environment), isTest(environment) && environment
                        .getProperty("warden.data-dir", String.class).isEmpty(),
                defaultPort(config, environment), accounts, stats);
    }

    /**
     * For tests and tools: a broker with its folders under {@code brokerDir}, on {@code config.port} (1883 when
     * unset; 0 = random).
     */
    public EmbeddedBroker(EmbeddedBrokerConfig config, Path brokerDir, MqttAccounts accounts, MqttIngressStats stats) {
        this(config, brokerDir, false,
                config.getPort() == null ? EmbeddedBrokerConfig.DEFAULT_PORT : config.getPort(), accounts, stats);
    }

    private EmbeddedBroker(EmbeddedBrokerConfig config, Path brokerDir, boolean deleteDirOnClose, int port,
            MqttAccounts accounts, MqttIngressStats stats) {
        this.config = config;
        this.brokerDir = brokerDir;
        this.deleteDirOnClose = deleteDirOnClose;
        this.configuredPort = port;
        this.accounts = accounts;
        this.stats = stats;
    }

    /** Starts the broker; blocks until it accepts connections. Idempotent. */
    @PostConstruct
    public synchronized void start() {
        if (hivemq != null) {
            return;
        }
        String host = config.getHost();
        String plainHost = config.plainHost();
        int plainPort = resolvePort(plainHost, configuredPort, "warden.mqtt.embedded.port");
        EmbeddedBrokerConfig.Tls tls = config.getTls();
        int securePort = tls.isEnabled() ? resolvePort(host, tls.getPort(), "warden.mqtt.embedded.tls.port") : -1;
        String passwordProperty = "warden.broker.keystore." + UUID.randomUUID();
        String keyPasswordProperty = passwordProperty + ".key";
        BrokerConfigXml.TlsListener tlsListener = null;
        if (tls.isEnabled()) {
            tlsListener = tlsListener(tls, securePort, passwordProperty, keyPasswordProperty);
        }
        Path conf = brokerDir.resolve("conf");
        Path data = brokerDir.resolve("data");
        Path extensions = brokerDir.resolve("extensions");
        try {
            Files.createDirectories(conf);
            Files.createDirectories(data);
            Files.createDirectories(extensions);
            Files.writeString(conf.resolve("config.xml"),
                    BrokerConfigXml.render(host, plainPort, config.getPersistence(), config.getMaxQueueSize(),
                            tlsListener, config.isPlainEnabled()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BrokerStartupException("cannot prepare the MQTT broker folder " + brokerDir.toAbsolutePath()
                    + ": " + e.getMessage() + " (set warden.data-dir to a writable folder)", e);
        }

        ThreadPoolExecutor executor = authExecutor(Math.max(1, config.getAuthThreads()));
        DeviceSecurityExtension security = new DeviceSecurityExtension(accounts, internal, stats, executor);
        EmbeddedHiveMQ broker = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(data)
                .withExtensionsFolder(extensions)
                .withEmbeddedExtension(EmbeddedExtension.builder()
                        .withId("warden-device-security")
                        .withName("Warden device security")
                        .withVersion("1")
                        .withAuthor("Warden")
                        .withPriority(1000)
                        .withStartPriority(1000)
                        .withExtensionMain(security)
                        .build())
                .withoutLoggingBootstrap()
                .build();
        try {
            if (tls.isEnabled()) {
                System.setProperty(passwordProperty, tls.getKeystorePassword());
                System.setProperty(keyPasswordProperty, tls.getPrivateKeyPassword() != null
                        ? tls.getPrivateKeyPassword() : tls.getKeystorePassword());
            }
            broker.start().get(START_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly(broker, executor);
            security.detach();
            throw new BrokerStartupException("interrupted while starting the MQTT broker", e);
        } catch (ExecutionException | TimeoutException e) {
            stopQuietly(broker, executor);
            security.detach();
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new BrokerStartupException("the embedded MQTT broker did not start: " + cause, cause);
        } finally {
            System.clearProperty(passwordProperty);
            System.clearProperty(keyPasswordProperty);
        }
        // HiveMQ logs a bind failure and runs on without the listener: make sure ours is really there
        if (!accepting(plainHost, plainPort)) {
            stopQuietly(broker, executor);
            security.detach();
            throw portInUse(plainHost, plainPort, "warden.mqtt.embedded.port", null);
        }
        if (securePort > 0 && !accepting(host, securePort)) {
            stopQuietly(broker, executor);
            security.detach();
            throw new BrokerStartupException("the MQTT TLS listener on port " + securePort + " did not start: the "
                    + "port is in use or the keystore (warden.mqtt.embedded.tls.keystore-path, keystore-password, "
                    + "private-key-password) could not be opened; see the log above");
        }
        this.hivemq = broker;
        this.authExecutor = executor;
        this.security = security;
        this.port = plainPort;
        this.tlsPort = securePort;
        LOG.info("Embedded MQTT broker listening on {}:{}{} (folder {})", plainHost, plainPort,
                securePort > 0 ? ", TLS on " + host + ":" + securePort : "", brokerDir.toAbsolutePath());
    }

    /** Stops the broker and its threads. Idempotent. */
    @PreDestroy
    @Override
    public synchronized void close() {
        EmbeddedHiveMQ broker = hivemq;
        if (broker == null) {
            return;
        }
        hivemq = null;
        stopQuietly(broker, authExecutor);
        authExecutor = null;
        if (security != null) {
            security.detach();
            security = null;
        }
        LOG.info("Embedded MQTT broker on port {} stopped", port);
        if (deleteDirOnClose) {
            deleteRecursively(brokerDir);
        }
    }

    /** The plain MQTT port actually bound (meaningful after {@link #start()}). */
    public int port() {
        return port;
    }

    /** The TLS port actually bound, if the TLS listener is enabled. */
    public OptionalInt tlsPort() {
        return tlsPort > 0 ? OptionalInt.of(tlsPort) : OptionalInt.empty();
    }

    public String host() {
        return config.getHost();
    }

    public boolean isRunning() {
        return hivemq != null;
    }

    @Override
    public String serverUri() {
        return "tcp://" + connectHost(config.plainHost()) + ":" + port;
    }

    @Override
    public String internalUsername() {
        return InternalAccount.USERNAME;
    }

    @Override
    public byte[] internalSecret() {
        return internal.secret();
    }

    private static BrokerConfigXml.TlsListener tlsListener(EmbeddedBrokerConfig.Tls tls, int port,
            String passwordProperty, String keyPasswordProperty) {
        if (tls.getKeystorePath() == null || tls.getKeystorePath().isBlank()) {
            throw new BrokerStartupException(
                    "warden.mqtt.embedded.tls.enabled is true but warden.mqtt.embedded.tls.keystore-path is not set");
        }
        Path keystore = Path.of(tls.getKeystorePath()).toAbsolutePath();
        if (!Files.isReadable(keystore)) {
            throw new BrokerStartupException("MQTT TLS keystore " + keystore + " is not readable "
                    + "(warden.mqtt.embedded.tls.keystore-path)");
        }
        if (tls.getKeystorePassword() == null) {
            throw new BrokerStartupException(
                    "warden.mqtt.embedded.tls.keystore-password is required when the TLS listener is enabled");
        }
        return new BrokerConfigXml.TlsListener(port, keystore.toString(), passwordProperty, keyPasswordProperty);
    }

    private static int resolvePort(String host, int port, String key) {
        if (port < 0 || port > 65535) {
            throw new BrokerStartupException(key + " must be 0..65535, not " + port);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (IOException e) {
            throw new BrokerStartupException("warden.mqtt.embedded.host '" + host + "' is not a valid address", e);
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw portInUse(host, port, key, e);
        }
    }

    private static BrokerStartupException portInUse(String host, int port, String key, @Nullable Throwable cause) {
        String message = "port " + port + " is in use on " + host + ": another MQTT broker (or a second controller) "
                + "is running. Stop it, or set " + key + " to a free port (0 = pick a random free port)";
        return cause == null ? new BrokerStartupException(message) : new BrokerStartupException(message, cause);
    }

    private static boolean accepting(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(connectHost(host), port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String connectHost(String host) {
        return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    }

    private static ThreadPoolExecutor authExecutor(int threads) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(5000),
                r -> {
                    Thread t = new Thread(r, "warden-mqtt-auth-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    private static void stopQuietly(EmbeddedHiveMQ broker, @Nullable ThreadPoolExecutor executor) {
        try {
            broker.stop().get(STOP_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warn("Embedded MQTT broker did not stop cleanly: {}", e.toString());
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private static Path brokerDirFor(Environment environment) {
        var dataDir = environment.getProperty("warden.data-dir", String.class);
        if (dataDir.isPresent()) {
            return Path.of(dataDir.get()).resolve("broker");
        }
        if (isTest(environment)) {
            try {
                Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
                return Files.createTempDirectory("warden-broker-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Path.of("data").resolve("broker");
    }

    private static int defaultPort(EmbeddedBrokerConfig config, Environment environment) {
        if (config.getPort() != null) {
            return config.getPort();
        }
        return isTest(environment) ? 0 : EmbeddedBrokerConfig.DEFAULT_PORT;
    }

    private static boolean isTest(Environment environment) {
        return environment.getActiveNames().contains(Environment.TEST);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("could not delete {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.debug("could not delete {}: {}", dir, e.toString());
        }
    }
}
