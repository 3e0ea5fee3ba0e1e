package dev.warden.controller.event;

import dev.warden.contract.AgentStatus;
import dev.warden.controller.alarm.AlarmInputs;
import dev.warden.controller.api.SqlErrors;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@code agent} table in step with the agents' retained status messages. A status older than the one
 * recorded (a stale retained message, a late Last Will) is ignored, so the newest report always wins.
 *
 * <p>The agent's {@code at} is believed only within {@code [now - 7 d, now + 5 min]} (injected {@link Clock}); a
 * status dated outside it is ignored, logged and counted ({@value AgentEventIngestion#TIMESTAMP_OUT_OF_RANGE}),
 * and a status dated a little ahead is recorded at {@code now}, so no single report can freeze presence. A
 * recorded time beyond {@code now + 5 min} (written before times were bounded) never blocks a new report.
 *
 * <p>When an accepted status changes the agent's state (or is its first report), the alarms are told after the
 * transaction ({@link AlarmInputs#onAgentStatus}): OFFLINE raises {@code AGENT_OFFLINE}, ONLINE clears it. A failure
 * there is logged and never undoes the recorded presence.
 */
@Singleton
public class AgentPresence {
    private static final Logger LOG = LoggerFactory.getLogger(AgentPresence.class);

    private final AgentRepository agents;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final AlarmInputs alarms;
    private final LongAdder outOfRange = new LongAdder();

    public AgentPresence(AgentRepository agents, TransactionOperations<Connection> transactions, Clock clock,
                         AlarmInputs alarms) {
        this.agents = agents;
        this.transactions = transactions;
        this.clock = clock;
        this.alarms = alarms;
    }

    /** Statuses ignored because their time lay outside the accepted window. */
    public long timestampOutOfRangeCount() {
        return outOfRange.sum();
    }

    public void statusChanged(AgentStatus status) {
        Instant now = clock.instant();
        if (!AgentTime.plausible(status.at(), now)) {
            outOfRange.increment();
            LOG.warn("Ignoring status {} of agent {} dated {}, outside [now - {}, now + {}] ({}; {} since start)",
                    status.state(), status.agentId(), status.at(), AgentTime.MAX_PAST, AgentTime.MAX_FUTURE,
                    AgentEventIngestion.TIMESTAMP_OUT_OF_RANGE, outOfRange.sum());
            return;
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                boolean changed = transactions.executeWrite(tx -> apply(status, now));
                if (changed) {
                    tellAlarms(status, now);
                }
                return;
            } catch (RuntimeException e) {
                if (!SqlErrors.isUniqueViolation(e)) {
                    throw e;
                }
                // a concurrent first report of the same agent inserted the row: retry as an update
            }
        }
    }

    private void tellAlarms(AgentStatus status, Instant now) {
        Instant at = status.at().isAfter(now) ? now : status.at();
        try {
            alarms.onAgentStatus(status.agentId(), status.state() == AgentStatus.State.ONLINE, at);
        } catch (RuntimeException e) {
            LOG.error("Alarms could not be told that agent {} is {}", status.agentId(), status.state(), e);
        }
    }

    /** Records the status; true when it is the agent's first report or changes its state. */
    private boolean apply(AgentStatus status, Instant now) {
        Instant at = status.at().isAfter(now) ? now : status.at();
        AgentRow next = new AgentRow(status.agentId(), status.state().name(), at, status.version());
        Optional<AgentRow> existing = agents.findById(status.agentId());
        if (existing.isEmpty()) {
            agents.save(next);
            LOG.info("Agent {} is {} (first report, version {})", status.agentId(), status.state(), status.version());
            return true;
        }
        AgentRow before = existing.get();
        boolean recordedInFuture = before.lastSeen() != null
                && before.lastSeen().isAfter(now.plus(AgentTime.MAX_FUTURE));
        if (before.lastSeen() != null && !recordedInFuture && at.isBefore(before.lastSeen())) {
            LOG.debug("Ignoring stale status {} of agent {} at {} (recorded {} at {})", status.state(),
                    status.agentId(), status.at(), before.state(), before.lastSeen());
            return false;
        }
        agents.update(next);
        if (!before.state().equals(next.state())) {
            LOG.info("Agent {} is {} (was {})", status.agentId(), status.state(), before.state());
            return true;
        }
        return false;
    }
}
