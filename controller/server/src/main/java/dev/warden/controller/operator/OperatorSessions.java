package dev.warden.controller.operator;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a signed token still speaks for its operator: the operator must exist, be enabled, and have the
 * credentials version the token was issued with (claim {@value #CLAIM}, the operator's
 * {@code credentialsChangedAt} in epoch milliseconds at sign-in). Any change of password, roles or enabled flag, and
 * deletion, moves that version, so the tokens issued before stop working on the next request.
 *
 * <p>Looked-up operator states are cached per operator for at most {@link #TTL} (the map is bounded to
 * {@link #MAX_CACHED} entries); changes made through {@link OperatorService} drop the entry at once and again after
 * their transaction commits, so in one controller a change takes effect on the very next request.
 */
@Singleton
public class OperatorSessions {
    /** Token claim carrying the operator's credentials version. */
    public static final String CLAIM = "wcv";
    static final Duration TTL = Duration.ofSeconds(3);
    static final int MAX_CACHED = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(OperatorSessions.class);

    /** What a token is checked against; {@code version} is -1 for an unknown operator. */
    private record State(boolean exists, boolean enabled, long version, Instant fetchedAt) {}

    private final OperatorRepository operators;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final ConcurrentMap<String, State> cache = new ConcurrentHashMap<>();

    public OperatorSessions(OperatorRepository operators, TransactionOperations<Connection> transactions,
                            Clock clock) {
        this.operators = operators;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** True when a token of {@code username} issued with credentials version {@code tokenVersion} is still good. */
    public boolean stillValid(String username, Object tokenVersion) {
        if (username == null || !(tokenVersion instanceof Number n)) {
            LOG.debug("Token without operator or credentials version refused");
            return false;
        }
        State state = state(username);
        boolean ok = state.exists() && state.enabled() && state.version() == n.longValue();
        if (!ok) {
            LOG.info("Token of operator '{}' refused: {}", username, !state.exists() ? "operator no longer exists"
                    : !state.enabled() ? "operator disabled" : "issued before the operator's last credential change");
        }
        return ok;
    }

    void forget(String username) {
        cache.remove(username);
    }

    /** Drops the cached state now and again once the current transaction commits (no stale re-caching between). */
    void forgetAfterCommit(String username) {
        cache.remove(username);
        Optional<? extends TransactionStatus<?>> status = transactions.findTransactionStatus();
        if (status.isPresent() && !status.get().isCompleted()) {
            status.get().registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(Status completion) {
                    cache.remove(username);
                }
            });
        }
    }

    private State state(String username) {
        Instant now = clock.instant();
        State cached = cache.get(username);
        if (cached != null && !now.isBefore(cached.fetchedAt()) && now.isBefore(cached.fetchedAt().plus(TTL))) {
            return cached;
        }
        State fresh = operators.findById(username)
                .map(op -> new State(true, op.enabled(), op.credentialsChangedAt().toEpochMilli(), now))
                .orElseGet(() -> new State(false, false, -1, now));
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(username, fresh);
        return fresh;
    }
}
