package dev.warden.controller.mqtt;

import dev.warden.contract.Topics;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT device accounts (table {@code mqtt_account}): username, PBKDF2 secret hash, publish and subscribe topic
 * filters, enabled flag. The embedded broker authenticates and authorizes every device through this class.
 *
 * <p>Connect storms: a PBKDF2 check costs tens of milliseconds at the default 210,000 iterations, so after a
 * successful check the account's secret is remembered in memory as an HMAC-SHA256 under a random per-process key;
 * the next connect with the same secret is verified by that HMAC in microseconds. The memo is dropped whenever the
 * account changes. Account rows are cached for {@code warden.mqtt.accounts.cache-ttl} (default 30 s) and every write
 * through this class invalidates the cache at once. Unknown usernames are not cached (random usernames must not grow
 * memory), and a connect with an unknown or disabled username is checked against a fixed dummy hash, so that its
 * timing does not tell which usernames exist.
 *
 * <p>Plain JDBC on the pool behind the injected {@link DataSource} (each call is its own short transaction), so it
 * works from the broker's threads outside any Micronaut transaction.
 */
@Singleton
public class MqttAccounts {

    /** What changed: the account before and after a write (empty = absent). */
    public record Change(String username, Optional<MqttAccount> before, Optional<MqttAccount> after) {}

    public static final int DEFAULT_ITERATIONS = 210_000;
    /**
     * Filters per list. An agent gets three exact topics per device it serves (see {@link DeviceAcls#agent}), so this
     * is generous; the real bound is the stored text ({@value #MAX_FILTER_TEXT} characters per list, the column).
     */
    public static final int MAX_FILTERS = 256;
    public static final int MIN_SECRET_LENGTH = 8;
    public static final int MAX_SECRET_LENGTH = 256;
    public static final int MAX_FILTER_TEXT = 8000;

    private static final Logger LOG = LoggerFactory.getLogger(MqttAccounts.class);

    private final DataSource dataSource;
    private final int iterations;
    private final long cacheTtlNanos;
    private final Clock clock;
    private final byte[] memoKey = new byte[32];
    private final ConcurrentHashMap<String, CachedRow> rows = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Memo> verified = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    /** Verified instead of a real hash when the account is unknown or disabled: the same PBKDF2 work either way. */
    private final SecretHash dummyHash;
    private final LongAdder secretChecks = new LongAdder();

    private record Row(MqttAccount account, SecretHash hash) {}

    private record CachedRow(Row row, long loadedAtNanos) {}

    private record Memo(String hashB64, byte[] digest) {}

    @Inject
    public MqttAccounts(
            DataSource dataSource,
            @Value("${warden.mqtt.accounts.pbkdf2-iterations:210000}") int iterations,
            @Value("${warden.mqtt.accounts.cache-ttl:30s}") Duration cacheTtl,
            @Nullable Clock clock) {
        if (iterations < 10_000) {
            throw new IllegalArgumentException("warden.mqtt.accounts.pbkdf2-iterations must be >= 10000");
        }
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.iterations = iterations;
        this.cacheTtlNanos = cacheTtl.toNanos();
        this.clock = clock != null ? clock : Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        random.nextBytes(memoKey);
        byte[] dummy = new byte[24];
        random.nextBytes(dummy);
        this.dummyHash = SecretHash.create(java.util.Base64.getEncoder().encodeToString(dummy), iterations);
    }

    /**
     * Creates the account or replaces its secret and filters, and enables it.
     *
     * @param username {@code [A-Za-z0-9._-]{1,64}}
     * @param secret 8..256 characters; only its PBKDF2 hash is stored
     * @param publishFilters MQTT topic filters the device may publish to (at most 256, 8000 characters)
     * @param subscribeFilters MQTT topic filters the device may subscribe within (at most 256, 8000 characters)
     * @throws IllegalArgumentException on an invalid username, secret or filter
     */
    public void upsert(String username, String secret, List<String> publishFilters, List<String> subscribeFilters) {
        requireUsername(username);
        if (secret == null || secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH) {
            throw new IllegalArgumentException(
                    "MQTT secret must be " + MIN_SECRET_LENGTH + ".." + MAX_SECRET_LENGTH + " characters");
        }
        String pub = joinFilters("publishFilters", publishFilters);
        String sub = joinFilters("subscribeFilters", subscribeFilters);
        SecretHash hash = SecretHash.create(secret, iterations);
        MqttAccount after = new MqttAccount(username, publishFilters, subscribeFilters, true);
        Optional<MqttAccount> before;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                before = select(c, username).map(Row::account);
                int updated;
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE mqtt_account SET secret_hash = ?, secret_salt = ?, secret_iterations = ?,"
                                + " publish_filters = ?, subscribe_filters = ?, enabled = ?, updated_at = ?"
                                + " WHERE username = ?")) {
                    bindAccount(ps, hash, pub, sub);
                    ps.setString(8, username);
                    updated = ps.executeUpdate();
                }
                if (updated == 0) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO mqtt_account (secret_hash, secret_salt, secret_iterations, publish_filters,"
                                    + " subscribe_filters, enabled, updated_at, username)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                        bindAccount(ps, hash, pub, sub);
                        ps.setString(8, username);
                        ps.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store MQTT account " + username + ": " + e.getMessage(), e);
        }
        changed(new Change(username, before, Optional.of(after)));
        LOG.info("MQTT account {} stored ({} publish, {} subscribe filters)", username,
                publishFilters.size(), subscribeFilters.size());
    }

    /** Enables or disables an account; a disabled account can no longer connect. Returns false if it does not exist. */
    public boolean setEnabled(String username, boolean enabled) {
        requireUsername(username);
        Optional<MqttAccount> before;
        try (Connection c = dataSource.getConnection()) {
            before = select(c, username).map(Row::account);
            if (before.isEmpty()) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE mqtt_account SET enabled = ?, updated_at = ? WHERE username = ?")) {
                ps.setBoolean(1, enabled);
                ps.setObject(2, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                ps.setString(3, username);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not update MQTT account " + username + ": " + e.getMessage(), e);
        }
        MqttAccount b = before.get();
        changed(new Change(username, before,
                Optional.of(new MqttAccount(username, b.publishFilters(), b.subscribeFilters(), enabled))));
        LOG.info("MQTT account {} {}", username, enabled ? "enabled" : "disabled");
        return true;
    }

    /** Deletes an account. Returns false if it did not exist. */
    public boolean delete(String username) {
        requireUsername(username);
        Optional<MqttAccount> before;
        try (Connection c = dataSource.getConnection()) {
            before = select(c, username).map(Row::account);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM mqtt_account WHERE username = ?")) {
                ps.setString(1, username);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete MQTT account " + username + ": " + e.getMessage(), e);
        }
        if (before.isEmpty()) {
            return false;
        }
        changed(new Change(username, before, Optional.empty()));
        LOG.info("MQTT account {} deleted", username);
        return true;
    }

    /** The account, without its secret (served from the cache when fresh). */
    public Optional<MqttAccount> find(String username) {
        return row(username).map(Row::account);
    }

    /**
     * The account if {@code username} exists, is enabled, and {@code secret} is its secret; empty otherwise. Cheap
     * after the first success per account and secret (see class comment).
     */
    public Optional<MqttAccount> authenticate(String username, String secret) {
        if (!Topics.isValidId(username) || secret == null || secret.length() > MAX_SECRET_LENGTH) {
            return Optional.empty();
        }
        Optional<Row> row = row(username);
        if (row.isEmpty() || !row.get().account().enabled()) {
            // as slow as a wrong secret for a real account: the answer's timing must not reveal usernames
            pbkdf2(dummyHash, secret);
            return Optional.empty();
        }
        SecretHash hash = row.get().hash();
        byte[] digest = memoDigest(username, secret);
        Memo memo = verified.get(username);
        if (memo != null && memo.hashB64().equals(hash.hashB64()) && MessageDigest.isEqual(memo.digest(), digest)) {
            return Optional.of(row.get().account());
        }
        if (!pbkdf2(hash, secret)) {
            return Optional.empty();
        }
        verified.put(username, new Memo(hash.hashB64(), digest));
        return Optional.of(row.get().account());
    }

    /** Called after every write through this class (on the writing thread). */
    public void addChangeListener(Consumer<Change> listener) {
        listeners.add(listener);
    }

    public void removeChangeListener(Consumer<Change> listener) {
        listeners.remove(listener);
    }

    /** PBKDF2 verifications done so far (real and dummy); for tests and diagnostics. */
    long secretChecks() {
        return secretChecks.sum();
    }

    /** Account rows held in the cache; for tests and diagnostics. */
    int cachedRows() {
        return rows.size();
    }

    private boolean pbkdf2(SecretHash hash, String secret) {
        secretChecks.increment();
        return hash.verify(secret);
    }

    private void changed(Change change) {
        generation.incrementAndGet();
        rows.remove(change.username());
        verified.remove(change.username());
        for (Consumer<Change> l : listeners) {
            try {
                l.accept(change);
            } catch (RuntimeException e) {
                LOG.warn("MQTT account change listener failed for {}: {}", change.username(), e.toString());
            }
        }
    }

    private Optional<Row> row(String username) {
        if (!Topics.isValidId(username)) {
            return Optional.empty();
        }
        CachedRow cached = rows.get(username);
        long now = System.nanoTime();
        if (cached != null && now - cached.loadedAtNanos() < cacheTtlNanos) {
            return Optional.of(cached.row());
        }
        long gen = generation.get();
        Optional<Row> loaded;
        try (Connection c = dataSource.getConnection()) {
            loaded = select(c, username);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read MQTT account " + username + ": " + e.getMessage(), e);
        }
        // only existing accounts are cached: their number is bounded by the table, unknown names are not
        if (loaded.isPresent() && generation.get() == gen) {
            rows.put(username, new CachedRow(loaded.get(), now));
        }
        return loaded;
    }

    private static Optional<Row> select(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT secret_hash, secret_salt, secret_iterations, publish_filters, subscribe_filters, enabled"
                        + " FROM mqtt_account WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                SecretHash hash = new SecretHash(rs.getString(2), rs.getInt(3), rs.getString(1));
                MqttAccount account = new MqttAccount(
                        username, splitFilters(rs.getString(4)), splitFilters(rs.getString(5)), rs.getBoolean(6));
                return Optional.of(new Row(account, hash));
            }
        }
    }

    private void bindAccount(PreparedStatement ps, SecretHash hash, String pub, String sub) throws SQLException {
        ps.setString(1, hash.hashB64());
        ps.setString(2, hash.saltB64());
        ps.setInt(3, hash.iterations());
        ps.setString(4, pub);
        ps.setString(5, sub);
        ps.setBoolean(6, true);
        ps.setObject(7, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    private byte[] memoDigest(String username, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(memoKey, "HmacSHA256"));
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static void requireUsername(String username) {
        if (!Topics.isValidId(username)) {
            throw new IllegalArgumentException("MQTT username must match [A-Za-z0-9._-]{1,64}");
        }
    }

    private static String joinFilters(String what, List<String> filters) {
        if (filters == null) {
            throw new IllegalArgumentException(what + " must not be null (use an empty list)");
        }
        if (filters.size() > MAX_FILTERS) {
            throw new IllegalArgumentException(what + ": at most " + MAX_FILTERS + " filters");
        }
        for (String f : filters) {
            Optional<String> problem = TopicFilters.problem(f);
            if (problem.isPresent()) {
                throw new IllegalArgumentException(what + ": " + problem.get() + ": " + f);
            }
            if (f.startsWith("$")) {
                throw new IllegalArgumentException(what + ": filters starting with '$' are reserved: " + f);
            }
        }
        String joined = String.join("\n", filters);
        if (joined.length() > MAX_FILTER_TEXT) {
            throw new IllegalArgumentException(what + ": filters too long in total");
        }
        return joined;
    }

    private static List<String> splitFilters(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return new ArrayList<>(Arrays.asList(text.split("\n")));
    }
}
