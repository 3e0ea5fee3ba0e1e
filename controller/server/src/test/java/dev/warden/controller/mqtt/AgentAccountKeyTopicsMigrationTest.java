package dev.warden.controller.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** V5: agent accounts stored before reader keys existed may ask for them; other accounts are unchanged. */
class AgentAccountKeyTopicsMigrationTest {

    @Test
    void anAgentAccountFromBeforeV5GetsItsOwnKeyTopicsOnce() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:v5migration;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).target(MigrationVersion.fromVersion("4")).load().migrate();
        var oldAgent = DeviceAcls.agent("agent-1", List.of("lock-1"));
        insert(ds, "agent-1",
                oldAgent.publish().stream().filter(t -> !t.endsWith("/keys/request")).toList(),
                oldAgent.subscribe().stream().filter(t -> !t.endsWith("/keys/response")).toList());
        var reader = DeviceAcls.reader("rdr-1");
        insert(ds, "rdr-1", reader.publish(), reader.subscribe());

        Flyway.configure().dataSource(ds).load().migrate();

        assertThat(filters(ds, "agent-1", "publish_filters")).containsExactlyInAnyOrderElementsOf(oldAgent.publish());
        assertThat(filters(ds, "agent-1", "subscribe_filters")).containsExactlyInAnyOrderElementsOf(oldAgent.subscribe());
        assertThat(filters(ds, "rdr-1", "publish_filters")).containsExactlyElementsOf(reader.publish());
        assertThat(filters(ds, "rdr-1", "subscribe_filters")).containsExactlyElementsOf(reader.subscribe());
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("SHUTDOWN");
        }
    }

    private static void insert(JdbcDataSource ds, String user, List<String> publish, List<String> subscribe) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement st = c.prepareStatement("INSERT INTO mqtt_account VALUES (?, 'h', 's', 1, ?, ?, TRUE, ?)")) {
            st.setString(1, user);
            st.setString(2, String.join("\n", publish));
            st.setString(3, String.join("\n", subscribe));
            st.setObject(4, OffsetDateTime.parse("2026-01-01T00:00:00Z"));
            st.executeUpdate();
        }
    }

    private static List<String> filters(JdbcDataSource ds, String user, String column) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT " + column + " FROM mqtt_account WHERE username = ?")) {
            st.setString(1, user);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return List.of(rs.getString(1).split("\n"));
            }
        }
    }
}
