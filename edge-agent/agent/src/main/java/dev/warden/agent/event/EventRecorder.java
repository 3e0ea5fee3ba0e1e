package dev.warden.agent.event;

import dev.warden.contract.AgentEvent;
import dev.warden.contract.AgentEventType;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Numbers events with the agent's sequence (one more than the last, so the numbering survives restarts), stamps them
 * with the clock and hands them to {@link PublishEvent}. In the agent both ports are the durable event journal
 * ({@code dev.warden.agent.journal.EventJournal}): it recovers the last number from its records and forces each event
 * to disk before its forwarder may send it. Thread-safe: numbering and publishing happen under one lock, so events are
 * journaled in sequence order.
 */
public final class EventRecorder implements RecordEvent {

    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

    private final String agentId;
    private final SequenceStore sequence;
    private final PublishEvent publisher;
    private final Clock clock;
    private long last;

    public EventRecorder(String agentId, SequenceStore sequence, PublishEvent publisher, Clock clock) {
        this.agentId = agentId;
        this.sequence = sequence;
        this.publisher = publisher;
        this.clock = clock;
        this.last = sequence.last();
    }

    @Override
    public synchronized AgentEvent record(AgentEventType type, String doorId, String deviceId, Map<String, String> attributes) {
        long seq = last + 1;
        AgentEvent event = new AgentEvent(agentId, seq, clock.instant(), type, doorId, deviceId, attributes);
        sequence.store(seq);
        last = seq;
        LOG.info("event #{} {} door={} device={} {}", seq, type, doorId, deviceId, event.attributes());
        publisher.publish(event);
        return event;
    }

    /** The sequence number of the last event recorded (0 if none ever was). */
    public synchronized long lastSeq() {
        return last;
    }
}
