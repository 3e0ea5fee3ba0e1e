package dev.warden.controller.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Verifies MqttAccounts against a real H2 database with the V2 migration. */
class MqttAccountsIT {

    private JdbcDataSource ds;
    private MqttAccounts accounts;

    @BeforeEach
    void setUp() {
        ds = TestDatabases.withMqttAccounts();
        accounts = new MqttAccounts(ds, 10_000, Duration.ofSeconds(30), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        TestDatabases.shutdown(ds);
    }

    @Test
    void upsertStoresAHashNotTheSecretAndVerifies() throws Exception {
        DeviceAcls.Acl acl = DeviceAcls.reader("R1");
        accounts.upsert("reader-R1", "s3cret-reader-one", acl.publish(), acl.subscribe());

        assertThat(accounts.authenticate("reader-R1", "s3cret-reader-one").isPresent()).isTrue();
        assertThat(accounts.authenticate("reader-R1", "s3cret-reader-two").isPresent()).isFalse();
        assertThat(accounts.authenticate("reader-R2", "s3cret-reader-one").isPresent()).isFalse();
        assertThat(accounts.find("reader-R1")).hasValueSatisfying(a -> {
            assertThat(a.publishFilters()).isEqualTo(acl.publish());
            assertThat(a.subscribeFilters()).isEqualTo(acl.subscribe());
            assertThat(a.enabled()).isTrue();
        });
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT * FROM mqtt_account");
                ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            int columns = rs.getMetaData().getColumnCount();
            for (int i = 1; i <= columns; i++) {
                assertThat(String.valueOf(rs.getObject(i))).doesNotContain("s3cret");
            }
            assertThat(rs.getInt("secret_iterations")).isEqualTo(10_000);
        }
    }

    @Test
    void upsertReplacesSecretAndFiltersAndTellsListeners() {
        List<MqttAccounts.Change> changes = new ArrayList<>();
        accounts.addChangeListener(changes::add);
        accounts.upsert("agent-A1", "first-secret-a1", List.of("warden/v1/agents/A1/events"), List.of());
        assertThat(accounts.authenticate("agent-A1", "first-secret-a1").isPresent()).isTrue();

        accounts.upsert("agent-A1", "second-secret-a1", List.of("warden/v1/agents/A1/#"), List.of("x/y"));
        assertThat(accounts.authenticate("agent-A1", "first-secret-a1").isPresent())
                .as("the memo of the old secret is gone").isFalse();
        assertThat(accounts.authenticate("agent-A1", "second-secret-a1").isPresent()).isTrue();
        assertThat(accounts.find("agent-A1").orElseThrow().publishFilters()).containsExactly("warden/v1/agents/A1/#");

        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).before()).isEmpty();
        assertThat(changes.get(1).before().orElseThrow().publishFilters())
                .containsExactly("warden/v1/agents/A1/events");
    }

    @Test
    void disabledAndDeletedAccountsDoNotVerify() {
        accounts.upsert("reader-R5", "reader-five-secret", List.of("warden/v1/readers/R5/read"), List.of());
        assertThat(accounts.authenticate("reader-R5", "reader-five-secret").isPresent()).isTrue();
        assertThat(accounts.setEnabled("reader-R5", false)).isTrue();
        assertThat(accounts.authenticate("reader-R5", "reader-five-secret").isPresent()).isFalse();
        assertThat(accounts.find("reader-R5").orElseThrow().enabled()).isFalse();
        assertThat(accounts.setEnabled("reader-R5", true)).isTrue();
        assertThat(accounts.authenticate("reader-R5", "reader-five-secret").isPresent()).isTrue();
        assertThat(accounts.delete("reader-R5")).isTrue();
        assertThat(accounts.authenticate("reader-R5", "reader-five-secret").isPresent()).isFalse();
        assertThat(accounts.delete("reader-R5")).isFalse();
        assertThat(accounts.setEnabled("nobody", true)).isFalse();
    }

    /** Verifies that repeated connects of one device cost a memo lookup, not a PBKDF2 run, each time. */
    @Test
    void repeatedVerificationsAreCheapAfterTheFirst() {
        MqttAccounts slow = new MqttAccounts(ds, 400_000, Duration.ofSeconds(30), Clock.systemUTC());
        slow.upsert("reader-R6", "reader-six-secret", List.of("warden/v1/readers/R6/read"), List.of());
        long first = System.nanoTime();
        assertThat(slow.authenticate("reader-R6", "reader-six-secret").isPresent()).isTrue();
        long firstNanos = System.nanoTime() - first;
        long rest = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            assertThat(slow.authenticate("reader-R6", "reader-six-secret").isPresent()).isTrue();
        }
        long restNanos = System.nanoTime() - rest;
        assertThat(restNanos).as("200 memo checks take less than one PBKDF2 run").isLessThan(firstNanos);
        assertThat(slow.authenticate("reader-R6", "reader-six-secreT").isPresent()).isFalse();
    }

    /**
     * Verifies that random usernames do not grow the cache, and that an unknown or disabled username costs the same
     * PBKDF2 check as a wrong secret for a real account (the timing must not reveal which usernames exist).
     */
    @Test
    void unknownUsernamesAreNotCachedAndCostAsMuchAsAWrongSecret() {
        accounts.upsert("reader-R7", "reader-seven-secret", List.of("warden/v1/readers/R7/read"), List.of());
        java.util.Random random = new java.util.Random(7L);
        for (int i = 0; i < 2000; i++) {
            String name = "probe-" + Long.toHexString(random.nextLong());
            assertThat(accounts.find(name)).isEmpty();
        }
        assertThat(accounts.find("reader-R7")).isPresent();
        assertThat(accounts.cachedRows()).as("only the one real account is cached").isEqualTo(1);

        long before = accounts.secretChecks();
        assertThat(accounts.authenticate("reader-R7", "not-the-secret")).isEmpty();
        assertThat(accounts.secretChecks()).as("wrong secret: one PBKDF2 check").isEqualTo(before + 1);
        assertThat(accounts.authenticate("nobody-here", "not-the-secret")).isEmpty();
        assertThat(accounts.secretChecks()).as("unknown user: one (dummy) PBKDF2 check").isEqualTo(before + 2);
        accounts.setEnabled("reader-R7", false);
        assertThat(accounts.authenticate("reader-R7", "reader-seven-secret")).isEmpty();
        assertThat(accounts.secretChecks()).as("disabled user: one (dummy) PBKDF2 check").isEqualTo(before + 3);
        assertThat(accounts.cachedRows()).isLessThanOrEqualTo(1);
    }

    @Test
    void invalidInputIsRefusedWithAReason() {
        assertThatThrownBy(() -> accounts.upsert("bad user", "long-enough-secret", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("username");
        assertThatThrownBy(() -> accounts.upsert("reader-R1", "short", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret");
        assertThatThrownBy(() -> accounts.upsert("reader-R1", "long-enough-secret", List.of("a/#/b"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("publishFilters");
        assertThatThrownBy(() -> accounts.upsert("reader-R1", "long-enough-secret", List.of(), List.of("$SYS/#")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
        assertThatThrownBy(() -> accounts.upsert("reader-R1", "long-enough-secret", List.of("a\nb"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= MqttAccounts.MAX_FILTERS; i++) {
            tooMany.add("t/" + i);
        }
        assertThatThrownBy(() -> accounts.upsert("reader-R1", "long-enough-secret", tooMany, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(accounts.find("reader-R1")).isEmpty();
        assertThat(accounts.authenticate("bad user", "x").isPresent()).isFalse();
    }
}
