package dev.warden.controller.event;

import dev.warden.contract.AgentStatus;
import dev.warden.controller.api.SqlErrors;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@code agent} table in step with the agents' retained status messages. A status older than the one
 * recorded (a stale retained message, a late Last Will) is ignored, so the newest report always wins.
 */
@Singleton
public class AgentPresence {
    private static final Logger LOG = LoggerFactory.getLogger(AgentPresence.class);

    private final AgentRepository agents;
    private final TransactionOperations<Connection> transactions;

    public AgentPresence(AgentRepository agents, TransactionOperations<Connection> transactions) {
        this.agents = agents;
        this.transactions = transactions;
    }

    public void statusChanged(AgentStatus status) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                transactions.executeWrite(tx -> {
                    apply(status);
                    return null;
                });
                return;
            } catch (RuntimeException e) {
                if (!SqlErrors.isUniqueViolation(e)) {
                    throw e;
                }
                // a concurrent first report of the same agent inserted the row: retry as an update
            }
        }
    }

    private void apply(AgentStatus status) {
        AgentRow next = new AgentRow(status.agentId(), status.state().name(), status.at(), status.version());
        Optional<AgentRow> existing = agents.findById(status.agentId());
        if (existing.isEmpty()) {
            agents.save(next);
            LOG.info("Agent {} is {} (first report, version {})", status.agentId(), status.state(), status.version());
            return;
        }
        AgentRow before = existing.get();
        if (before.lastSeen() != null && status.at().isBefore(before.lastSeen())) {
            LOG.debug("Ignoring stale status {} of agent {} at {} (recorded {} at {})", status.state(),
                    status.agentId(), status.at(), before.state(), before.lastSeen());
            return;
        }
        agents.update(next);
        if (!before.state().equals(next.state())) {
            LOG.info("Agent {} is {} (was {})", status.agentId(), status.state(), before.state());
        }
    }
}
