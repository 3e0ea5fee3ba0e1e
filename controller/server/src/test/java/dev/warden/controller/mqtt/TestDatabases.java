package dev.warden.controller.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;

/** Private in-memory H2 databases with the MQTT account table (the V2 migration, run as Flyway would). */
public final class TestDatabases {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private TestDatabases() {}

    /** A fresh database that lives until {@code SHUTDOWN} (or the JVM ends). */
    public static JdbcDataSource withMqttAccounts() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:mqtt" + COUNT.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                InputStream in = TestDatabases.class.getResourceAsStream("/db/migration/V2__mqtt_accounts.sql")) {
            StringBuilder sql = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.trim().startsWith("--")) {
                    sql.append(line).append('\n');
                }
            }
            for (String statement : sql.toString().split(";")) {
                if (!statement.isBlank()) {
                    st.execute(statement);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ds;
    }

    public static void shutdown(JdbcDataSource ds) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("SHUTDOWN");
        } catch (SQLException e) {
            // already shut down
        }
    }
}
