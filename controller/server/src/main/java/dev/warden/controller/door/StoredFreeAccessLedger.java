package dev.warden.controller.door;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FreeAccessLedger} in table {@code free_access_unlock}, each call in its own short transaction. A storage
 * failure is logged and swallowed (the command itself was sent; the next renewal or LOCK writes the ledger again).
 */
@Singleton
class StoredFreeAccessLedger implements FreeAccessLedger {
    private static final Logger LOG = LoggerFactory.getLogger(StoredFreeAccessLedger.class);

    private final FreeAccessUnlockRepository rows;
    private final TransactionOperations<Connection> transactions;

    StoredFreeAccessLedger(FreeAccessUnlockRepository rows, TransactionOperations<Connection> transactions) {
        this.rows = rows;
        this.transactions = transactions;
    }

    @Override
    public List<Unlock> outstanding() {
        try {
            return transactions.executeRead(status -> {
                List<Unlock> out = new java.util.ArrayList<>();
                rows.findAll().forEach(r -> out.add(new Unlock(r.doorId(), r.agentId(), r.untilAt())));
                return out;
            });
        } catch (RuntimeException e) {
            LOG.error("Free access: the outstanding unlocks could not be read ({}); only the doors that are free "
                    + "access now get their state at start-up", e.toString());
            return List.of();
        }
    }

    @Override
    public void unlocked(String doorId, String agentId, Instant until) {
        String key = FreeAccessUnlockRow.key(doorId, agentId);
        try {
            transactions.executeWrite(status -> {
                FreeAccessUnlockRow row = new FreeAccessUnlockRow(key, doorId, agentId, until);
                if (rows.existsById(key)) {
                    rows.update(row);
                } else {
                    rows.save(row);
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Free access: the unlock of door {} at agent {} could not be recorded ({})", doorId, agentId,
                    e.toString());
        }
    }

    @Override
    public void locked(String doorId, String agentId) {
        String key = FreeAccessUnlockRow.key(doorId, agentId);
        try {
            transactions.executeWrite(status -> {
                rows.deleteById(key);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Free access: the lock of door {} at agent {} could not be recorded ({})", doorId, agentId,
                    e.toString());
        }
    }
}
