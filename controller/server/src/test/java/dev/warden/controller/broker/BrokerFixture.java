package dev.warden.controller.broker;

import dev.warden.controller.mqtt.MqttAccounts;
import dev.warden.controller.mqtt.MqttIngressStats;
import dev.warden.controller.mqtt.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A real embedded broker on a random port with its security extension, backed by {@link MqttAccounts} on a private
 * in-memory H2 database with the V2 migration applied. No Micronaut context. Close it to stop everything.
 */
public final class BrokerFixture implements AutoCloseable {

    public final JdbcDataSource dataSource;
    public final MqttAccounts accounts;
    public final MqttIngressStats stats = new MqttIngressStats();
    public final EmbeddedBroker broker;
    public final Path dir;

    private BrokerFixture(EmbeddedBrokerConfig config) throws IOException, SQLException {
        dataSource = TestDatabases.withMqttAccounts();
        accounts = new MqttAccounts(dataSource, 10_000, Duration.ofSeconds(30), Clock.systemUTC());
        // surefire points java.io.tmpdir at target/tmp, which nothing else creates
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        dir = Files.createTempDirectory("warden-broker-it-");
        broker = new EmbeddedBroker(config, dir, accounts, stats);
    }

    /** Starts a broker on a random port (in-memory persistence). */
    public static BrokerFixture start() throws IOException, SQLException {
        EmbeddedBrokerConfig config = new EmbeddedBrokerConfig();
        config.setPort(0);
        config.setPersistence("in-memory");
        BrokerFixture fixture = new BrokerFixture(config);
        try {
            fixture.broker.start();
        } catch (RuntimeException e) {
            fixture.close();
            throw e;
        }
        return fixture;
    }

    /** A fixture whose broker is built from {@code config} but not started. */
    public static BrokerFixture unstarted(EmbeddedBrokerConfig config) throws IOException, SQLException {
        return new BrokerFixture(config);
    }

    public String uri() {
        return broker.serverUri();
    }

    /** The controller's own account, as a password string (tests only). */
    public String internalSecret() {
        return new String(broker.internalSecret(), StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        broker.close();
        TestDatabases.shutdown(dataSource);
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp folder: best effort
        }
    }
}
