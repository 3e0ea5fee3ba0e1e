package dev.warden.controller.access;

import dev.warden.controller.event.AccessEventRepository;
import dev.warden.controller.event.AccessEventRow;
import dev.warden.controller.event.EventBroadcaster;
import dev.warden.controller.event.EventKind;
import dev.warden.controller.event.EventWriter;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records an operator's security action (lockdown set or lifted, threat level changed, a visit requested, approved,
 * rejected or cancelled, a person's clearance or lockdown exemption, an area's rules, a door's free access, second
 * factor or threat marking, a PIN set or cleared, ...) as an {@link EventKind#OPERATOR} event row, and logs it.
 *
 * <p>The row is stored synchronously, in the caller's transaction when there is one: an action never commits
 * without its record, and an action that fails (rolls back) leaves none. It is not handed to the {@link EventWriter}
 * queue, which drops events when full. Once the transaction commits, the stored row goes to the live event stream
 * ({@link EventBroadcaster}); outside a transaction it is stored in its own and published at once. A failure to store
 * it propagates, so the caller's action fails with it.
 *
 * <p>The row: {@code kind} OPERATOR, {@code source} {@value #SOURCE}, {@code reason} the action code (e.g.
 * {@code LOCKDOWN_SET}), {@code doorId} / {@code personId} when the action is about a door or a person, and
 * {@code detail} {@code "<operator>: <what> — reason: <reason>"}. Never pass a secret (a PIN is never in it).
 */
@Singleton
public class OperatorActions {
    private static final Logger LOG = LoggerFactory.getLogger(OperatorActions.class);
    /** The {@code source} of operator event rows. */
    public static final String SOURCE = "OPERATOR";

    private final AccessEventRepository events;
    private final EventBroadcaster broadcaster;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    public OperatorActions(AccessEventRepository events, EventBroadcaster broadcaster,
                           TransactionOperations<Connection> transactions, Clock clock) {
        this.events = events;
        this.broadcaster = broadcaster;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Records one action now, in the current transaction (or a new one).
     *
     * @param operator the signed-in operator's user name (from the token)
     * @param action   an upper-case action code, at most 64 characters
     * @param doorId   the door concerned, or null
     * @param personId the person concerned, or null
     * @param what     what was done, e.g. {@code "lockdown set on site DC1"}
     * @param reason   the operator's reason, or null
     * @return when it was recorded
     */
    public Instant record(String operator, String action, String doorId, String personId, String what,
                          String reason) {
        Instant at = clock.instant();
        String detail = operator + ": " + what + (reason == null || reason.isBlank() ? "" : " — reason: " + reason);
        if (detail.length() > AccessEventRow.MAX_DETAIL) {
            detail = detail.substring(0, AccessEventRow.MAX_DETAIL);
        }
        AccessEventRow row = new AccessEventRow(null, at, EventKind.OPERATOR.name(), doorId, null, null, personId,
                null, null, null, action, SOURCE, null, null, detail);
        Optional<? extends TransactionStatus<?>> status = transactions.findTransactionStatus();
        if (status.isPresent() && !status.get().isCompleted()) {
            AccessEventRow saved = events.save(row);
            status.get().registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publish(saved);
                }

                @Override
                public void afterCompletion(Status completion) {
                    if (completion != Status.COMMITTED) {
                        LOG.warn("Operator action {} by {} was rolled back with its record: {}", action, operator,
                                what);
                    }
                }
            });
        } else {
            publish(transactions.executeWrite(s -> events.save(row)));
        }
        return at;
    }

    /** After commit: logs the action and sends its row to the live stream. */
    private void publish(AccessEventRow saved) {
        LOG.info("Operator action {}: {}", saved.reason(), saved.detail());
        try {
            broadcaster.publish(List.of(saved));
        } catch (RuntimeException e) {
            LOG.warn("Operator event {} is stored but could not reach the live stream: {}", saved.id(), e.toString());
        }
    }
}
