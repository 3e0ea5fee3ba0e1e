package dev.warden.controller.mqtt;

import dev.warden.contract.AccessRequest;
import dev.warden.contract.AgentEvent;
import dev.warden.contract.AgentStatus;
import dev.warden.contract.ContractJson;
import dev.warden.contract.DecisionMessage;
import dev.warden.contract.Parsed;
import dev.warden.contract.ReaderRead;
import dev.warden.contract.Topics;
import dev.warden.contract.Verdict;
import dev.warden.controller.decision.Outcome;
import dev.warden.controller.decision.ReaderAttempt;
import dev.warden.controller.decision.ReaderDecisions;
import dev.warden.controller.decision.Source;
import dev.warden.controller.event.AgentEventIngestion;
import dev.warden.controller.event.AgentPresence;
import dev.warden.controller.event.IngestResult;
import dev.warden.controller.readerkey.ReaderKeys;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's MQTT inbound side: reader reads and agent access requests are decided and answered; agent
 * events are stored exactly once; agent status updates presence. Every message is parsed with
 * {@link ContractJson}; anything unusable is rejected with a reason code, logged in one line (ids and reason, no
 * payload) and counted in {@link MqttIngressStats} — nothing thrown escapes to Paho.
 *
 * <p>Reads, access requests and events arrive through the MQTT 5 shared subscription (one controller instance
 * handles each); agent status through a plain subscription, so that every instance sees the retained status of
 * every agent.
 *
 * <p>Threads: Paho's callback only routes. Decisions run on a small pool ({@code warden.mqtt.decision-threads});
 * events and status run on single-threaded lanes chosen by agent id ({@code warden.mqtt.event-lanes}), so one
 * agent's events are stored in the order they arrived. A QoS 1 message is acknowledged to the broker after it was
 * handled. Storing an event is retried with capped backoff for up to {@code warden.mqtt.event-retry-budget}
 * (30 s); an event that can never be stored (bad data) is logged, counted as {@code POISON} and acknowledged; one
 * still failing after that is left unacknowledged and the client reconnects, so the broker delivers it again (the
 * agent's journal and the idempotent ingestion make that safe). An event that finds its lane full is not
 * acknowledged either.
 *
 * <p>A reader read whose timestamp is more than 30 s old or 5 min ahead is not decided: it is answered
 * {@code REJECTED STALE_READ} and recorded as a rejected read (a persistent session can deliver reads queued for
 * up to an hour after a controller restart).
 *
 * <p>Agents' reader-key requests ({@code warden/v1/agents/+/keys/request}) are answered by a
 * {@link ReaderKeyResponder} on the decision pool, always on the agent's own key response topic.
 *
 * <p>Replies go to the MQTT 5 response topic the sender named, with its correlation data, but only when that topic
 * is the sender's own: under {@code warden/v1/readers/{id}/} for a reader, exactly
 * {@code warden/v1/agents/{id}/access/response} for an agent. Otherwise (counted) the default topic is used.
 */
@Context
@Requires(property = "warden.mqtt.enabled", notEquals = "false")
public class MqttIngress implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttIngress.class);
    private static final Duration FIRST_CONNECT_WAIT = Duration.ofSeconds(15);
    private static final int QUEUE_CAPACITY = 10_000;
    /** A read older than this (by its own timestamp) is not decided: the person has long walked away. */
    static final Duration MAX_READ_AGE = Duration.ofSeconds(30);
    /** A read further than this in the future is not decided either (a reader with a wrong clock). */
    static final Duration MAX_READ_AHEAD = Duration.ofMinutes(5);

    /** Rejection codes of this adapter, besides the parser's and {@code WIEGAND_*}. */
    public static final String AGENT_ID_MISMATCH = "AGENT_ID_MISMATCH";
    public static final String UNEXPECTED_TOPIC = "UNEXPECTED_TOPIC";
    public static final String OVERLOADED = "OVERLOADED";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    public static final String STALE_READ = "STALE_READ";

    private final ControllerMqttClient client;
    private final ReaderDecisions decisions;
    private final Function<AgentEvent, IngestResult> ingestion;
    private final AgentPresence presence;
    private final MqttIngressStats stats;
    private final MqttSettings settings;
    private final Clock clock;
    private final EventStorage eventStorage;
    private final ReaderKeyResponder keyResponder;
    private ExecutorService decisionPool;
    private ExecutorService[] lanes;

    @Inject
    public MqttIngress(ControllerMqttClient client, ReaderDecisions decisions, AgentEventIngestion ingestion,
            AgentPresence presence, MqttIngressStats stats, MqttSettings settings, @Nullable Clock clock,
            ReaderKeys keys) {
        this(client, decisions, ingestion::ingest, presence, stats, settings, clock, keys);
    }

    /** With the event store as a plain function (tests give a fake one) and no reader keys. */
    MqttIngress(ControllerMqttClient client, ReaderDecisions decisions, Function<AgentEvent, IngestResult> ingestion,
            AgentPresence presence, MqttIngressStats stats, MqttSettings settings, @Nullable Clock clock) {
        this(client, decisions, ingestion, presence, stats, settings, clock, null);
    }

    private MqttIngress(ControllerMqttClient client, ReaderDecisions decisions,
            Function<AgentEvent, IngestResult> ingestion, AgentPresence presence, MqttIngressStats stats,
            MqttSettings settings, @Nullable Clock clock, @Nullable ReaderKeys keys) {
        this.client = client;
        this.decisions = decisions;
        this.ingestion = ingestion;
        this.presence = presence;
        this.stats = stats;
        this.settings = settings;
        this.clock = clock != null ? clock : Clock.systemUTC();
        this.eventStorage = new EventStorage(Duration.ofMillis(100), Duration.ofSeconds(5),
                settings.getEventRetryBudget(), d -> {
                    LOG.warn("Storing an agent event failed; retrying in {} ms (agent events wait in order)", d.toMillis());
                    Thread.sleep(d.toMillis());
                });
        this.keyResponder = new ReaderKeyResponder(client, keys, stats, settings.getDecisionExpiry());
    }

    /** Starts the workers, then connects and subscribes. */
    @PostConstruct
    public void start() {
        decisionPool = pool("warden-mqtt-decide", Math.max(1, settings.getDecisionThreads()));
        int laneCount = Math.max(1, settings.getEventLanes());
        lanes = new ExecutorService[laneCount];
        for (int i = 0; i < laneCount; i++) {
            lanes[i] = pool("warden-mqtt-events-" + i, 1);
        }
        // status is retained and idempotent (the newest report wins): every instance reads all of it, and only a
        // plain subscription gets the retained status of agents that reported before this controller subscribed
        client.start(List.of(Topics.ALL_READER_READS, Topics.ALL_AGENT_ACCESS_REQUESTS, Topics.ALL_AGENT_EVENTS,
                        Topics.ALL_AGENT_KEY_REQUESTS),
                List.of(Topics.ALL_AGENT_STATUS), this::route, FIRST_CONNECT_WAIT);
    }

    /** Stops intake first (the client), then lets queued work finish for a moment. */
    @PreDestroy
    @Override
    public void close() {
        client.close();
        shutdown(decisionPool);
        if (lanes != null) {
            for (ExecutorService lane : lanes) {
                shutdown(lane);
            }
        }
    }

    /** Paho callback thread: route only, never block. */
    void route(ControllerMqttClient.Inbound m) {
        String topic = m.topic();
        try {
            if (TopicFilters.matches(Topics.ALL_READER_READS, topic)) {
                String readerId = Topics.idAt(topic, "readers").orElseThrow();
                decisionPool.execute(() -> onReaderRead(readerId, m));
            } else if (TopicFilters.matches(Topics.ALL_AGENT_ACCESS_REQUESTS, topic)) {
                String agentId = Topics.idAt(topic, "agents").orElseThrow();
                decisionPool.execute(() -> onAccessRequest(agentId, m));
            } else if (TopicFilters.matches(Topics.ALL_AGENT_KEY_REQUESTS, topic)) {
                String agentId = Topics.idAt(topic, "agents").orElseThrow();
                decisionPool.execute(() -> {
                    try {
                        keyResponder.handle(agentId, m);
                    } finally {
                        m.ack();
                    }
                });
            } else if (TopicFilters.matches(Topics.ALL_AGENT_EVENTS, topic)) {
                String agentId = Topics.idAt(topic, "agents").orElseThrow();
                try {
                    lane(agentId).execute(() -> onAgentEvent(agentId, m));
                } catch (RejectedExecutionException e) {
                    // an event must not be lost: leave it unacknowledged, the broker delivers it again
                    stats.rejected(OVERLOADED);
                    stats.event(MqttIngressStats.FAILED);
                    LOG.warn("MQTT event on {} not taken: lane full or stopping; left unacknowledged for "
                            + "redelivery", topic);
                    if (m.qos() == 0) {
                        m.ack();
                    }
                }
            } else if (TopicFilters.matches(Topics.ALL_AGENT_STATUS, topic)) {
                String agentId = Topics.idAt(topic, "agents").orElseThrow();
                lane(agentId).execute(() -> onAgentStatus(agentId, m));
            } else {
                stats.rejected(UNEXPECTED_TOPIC);
                LOG.warn("MQTT message on unexpected topic {} ignored", topic);
                m.ack();
            }
        } catch (RejectedExecutionException e) {
            stats.rejected(OVERLOADED);
            LOG.warn("MQTT message on {} dropped: controller overloaded or stopping", topic);
            m.ack();
        } catch (RuntimeException e) {
            // an id that is not a valid id: the topic matched the filter, but cannot be ours
            stats.rejected(UNEXPECTED_TOPIC);
            LOG.warn("MQTT message on topic {} ignored: {}", topic, e.toString());
            m.ack();
        }
    }

    // --- standalone readers -------------------------------------------------------------------------

    private void onReaderRead(String readerId, ControllerMqttClient.Inbound m) {
        Instant now = clock.instant();
        String replyTopic = readerReplyTopic(readerId, m.responseTopic());
        String requestId = null;
        try {
            switch (ContractJson.parse(m.payload(), ReaderRead.class)) {
                case Parsed.Rejected<ReaderRead> r -> {
                    requestId = r.requestId();
                    reject("reader", readerId, replyTopic, m.correlationData(), r.requestId(), r.reason(),
                            r.detail(), now);
                }
                case Parsed.Ok<ReaderRead> ok -> {
                    ReaderRead read = ok.value();
                    requestId = read.requestId();
                    if (read.timestamp().isBefore(now.minus(MAX_READ_AGE))
                            || read.timestamp().isAfter(now.plus(MAX_READ_AHEAD))) {
                        String detail = "read at " + read.timestamp() + " is outside " + MAX_READ_AGE.toSeconds()
                                + " s before to " + MAX_READ_AHEAD.toSeconds() + " s after the controller's clock "
                                + now;
                        decisions.recordRejected(read.requestId(), readerId, STALE_READ, detail, now,
                                Source.MQTT_READER, null);
                        reject("reader", readerId, replyTopic, m.correlationData(), read.requestId(), STALE_READ,
                                detail, now);
                        return;
                    }
                    switch (CardReading.of(read.card(), read.wiegand())) {
                        case CardReading.Unreadable u -> {
                            decisions.recordRejected(read.requestId(), readerId, u.reason(), u.detail(), now,
                                    Source.MQTT_READER, null);
                            reject("reader", readerId, replyTopic, m.correlationData(), read.requestId(),
                                    u.reason(), u.detail(), now);
                        }
                        case CardReading.Card c -> {
                            Outcome outcome = decisions.decide(new ReaderAttempt(read.requestId(), readerId, null,
                                    c.card(), read.pin(), now, Source.MQTT_READER, null));
                            reply(replyTopic, m.correlationData(), decision(read.requestId(), outcome, now));
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            internalError("reader", readerId, replyTopic, m.correlationData(), requestId, now, e);
        } finally {
            m.ack();
        }
    }

    private String readerReplyTopic(String readerId, @Nullable String responseTopic) {
        String fallback = Topics.readerDecision(readerId);
        if (responseTopic == null) {
            return fallback;
        }
        String own = Topics.ROOT + "/readers/" + readerId + "/";
        if (responseTopic.startsWith(own)
                && responseTopic.length() > own.length()
                && TopicFilters.isValidTopicName(responseTopic)
                && !responseTopic.equals(Topics.readerRead(readerId))) {
            return responseTopic;
        }
        stats.responseTopicIgnored();
        LOG.warn("Reader {} named response topic {} outside its own subtree; answering on {}", readerId,
                responseTopic, fallback);
        return fallback;
    }

    // --- agents: access requests -----------------------------------------------------------------------

    private void onAccessRequest(String agentId, ControllerMqttClient.Inbound m) {
        Instant now = clock.instant();
        String replyTopic = agentReplyTopic(agentId, m.responseTopic());
        String requestId = null;
        try {
            switch (ContractJson.parse(m.payload(), AccessRequest.class)) {
                case Parsed.Rejected<AccessRequest> r -> {
                    requestId = r.requestId();
                    reject("agent", agentId, replyTopic, m.correlationData(), r.requestId(), r.reason(), r.detail(),
                            now);
                }
                case Parsed.Ok<AccessRequest> ok -> {
                    AccessRequest request = ok.value();
                    requestId = request.requestId();
                    switch (CardReading.of(request.card(), request.wiegand())) {
                        case CardReading.Unreadable u -> {
                            decisions.recordRejected(request.requestId(), request.readerId(), u.reason(), u.detail(),
                                    now, Source.AGENT, agentId);
                            reject("agent", agentId, replyTopic, m.correlationData(), request.requestId(),
                                    u.reason(), u.detail(), now);
                        }
                        case CardReading.Card c -> {
                            Outcome outcome = decisions.decide(new ReaderAttempt(request.requestId(),
                                    request.readerId(), request.doorId(), c.card(), request.pin(), now, Source.AGENT,
                                    agentId, request.fingerprint()));
                            reply(replyTopic, m.correlationData(), decision(request.requestId(), outcome, now));
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            internalError("agent", agentId, replyTopic, m.correlationData(), requestId, now, e);
        } finally {
            m.ack();
        }
    }

    private String agentReplyTopic(String agentId, @Nullable String responseTopic) {
        String own = Topics.agentAccessResponse(agentId);
        if (responseTopic != null && !responseTopic.equals(own)) {
            stats.responseTopicIgnored();
            LOG.warn("Agent {} named response topic {}; answering on its own {}", agentId, responseTopic, own);
        }
        return own;
    }

    // --- agents: events and status -------------------------------------------------------------------

    private void onAgentEvent(String agentId, ControllerMqttClient.Inbound m) {
        boolean ack = true;
        try {
            switch (ContractJson.parse(m.payload(), AgentEvent.class)) {
                case Parsed.Rejected<AgentEvent> r -> rejectEvent(agentId, r.reason(), r.detail());
                case Parsed.Ok<AgentEvent> ok -> {
                    AgentEvent event = ok.value();
                    if (!event.agentId().equals(agentId)) {
                        rejectEvent(agentId, AGENT_ID_MISMATCH, "payload agentId " + event.agentId()
                                + " on the topic of agent " + agentId);
                    } else {
                        ack = ingest(event);
                    }
                }
            }
        } catch (RuntimeException e) {
            stats.rejected(INTERNAL_ERROR);
            LOG.error("MQTT event of agent {} could not be handled: {}", agentId, e.toString());
        } finally {
            if (ack) {
                m.ack();
            }
        }
    }

    /**
     * Stores the event (see {@link EventStorage}): true when it is done with (stored, duplicate, or poison that can
     * never be stored: logged, counted, acknowledged). False when the database kept failing for the whole retry
     * budget: the event stays unacknowledged and the client reconnects, so the broker delivers it (and every other
     * unacknowledged message) again instead of holding a receive-maximum slot until some later reconnect.
     */
    private boolean ingest(AgentEvent event) {
        switch (eventStorage.store(() -> ingestion.apply(event))) {
            case EventStorage.Result.Done done -> {
                stats.event(done.result() == IngestResult.STORED
                        ? MqttIngressStats.STORED : MqttIngressStats.DUPLICATE);
                return true;
            }
            case EventStorage.Result.Poison poison -> {
                stats.event(MqttIngressStats.POISON);
                LOG.error("Event {} of agent {} can never be stored (SQLSTATE {}); dropped and acknowledged: {}",
                        event.seq(), event.agentId(), poison.sqlState(), poison.error().toString());
                return true;
            }
            case EventStorage.Result.GaveUp gaveUp -> {
                stats.event(MqttIngressStats.FAILED);
                LOG.error("Event {} of agent {} could not be stored after {} attempts; left unacknowledged, "
                                + "reconnecting so that the broker delivers it again: {}",
                        event.seq(), event.agentId(), gaveUp.attempts(), gaveUp.lastError().toString());
                client.forceReconnect("event storage failing");
                return false;
            }
        }
    }

    private void rejectEvent(String agentId, String reason, String detail) {
        stats.rejected(reason);
        LOG.warn("MQTT event of agent {} rejected: {} ({})", agentId, reason, detail);
    }

    private void onAgentStatus(String agentId, ControllerMqttClient.Inbound m) {
        try {
            if (m.payload() == null || m.payload().length == 0) {
                LOG.debug("Retained status of agent {} cleared", agentId);
                return;
            }
            switch (ContractJson.parse(m.payload(), AgentStatus.class)) {
                case Parsed.Rejected<AgentStatus> r -> rejectEvent(agentId, r.reason(), r.detail());
                case Parsed.Ok<AgentStatus> ok -> {
                    AgentStatus status = ok.value();
                    if (!status.agentId().equals(agentId)) {
                        rejectEvent(agentId, AGENT_ID_MISMATCH, "status of agent " + status.agentId()
                                + " on the topic of agent " + agentId);
                    } else {
                        presence.statusChanged(status);
                        stats.statusUpdate();
                    }
                }
            }
        } catch (RuntimeException e) {
            stats.rejected(INTERNAL_ERROR);
            LOG.error("MQTT status of agent {} could not be handled: {}", agentId, e.toString());
        } finally {
            m.ack();
        }
    }

    // --- replies -----------------------------------------------------------------------------------------

    private static DecisionMessage decision(String requestId, Outcome outcome, Instant now) {
        Verdict verdict = outcome.verdict() == null ? Verdict.DENY : outcome.verdict();
        String reason = outcome.reason() == null || outcome.reason().isBlank() ? INTERNAL_ERROR : outcome.reason();
        long unlockMs = verdict == Verdict.GRANT ? Math.max(0, outcome.unlockMs()) : 0;
        return new DecisionMessage(requestId, verdict, reason, unlockMs, null, now);
    }

    private void reject(String kind, String id, String replyTopic, @Nullable byte[] correlation,
            @Nullable String requestId, String reason, String detail, Instant now) {
        stats.rejected(reason);
        LOG.warn("MQTT request from {} {} rejected: {} ({})", kind, id, reason, detail);
        reply(replyTopic, correlation, DecisionMessage.rejected(requestId, reason, detail, now));
    }

    private void internalError(String kind, String id, String replyTopic, @Nullable byte[] correlation,
            @Nullable String requestId, Instant now, RuntimeException e) {
        stats.rejected(INTERNAL_ERROR);
        LOG.error("MQTT request from {} {} failed: {}", kind, id, e.toString());
        try {
            reply(replyTopic, correlation,
                    DecisionMessage.rejected(requestId, INTERNAL_ERROR, "the controller could not decide", now));
        } catch (RuntimeException again) {
            LOG.debug("rejection could not be sent either: {}", again.toString());
        }
    }

    private void reply(String topic, @Nullable byte[] correlation, DecisionMessage message) {
        stats.decision(message.decision());
        try {
            client.publish(topic, ContractJson.write(message), 1, settings.getDecisionExpiry(), correlation);
        } catch (MqttPublishException e) {
            stats.replyNotSent();
            LOG.warn("Decision for request {} not sent to {}: {}", message.requestId(), topic, e.getMessage());
        }
    }

    // --- workers ------------------------------------------------------------------------------------------

    private ExecutorService lane(String agentId) {
        return lanes[Math.floorMod(agentId.hashCode(), lanes.length)];
    }

    private static ExecutorService pool(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(QUEUE_CAPACITY), r -> {
                    Thread t = new Thread(r, threads == 1 ? name : name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    private static void shutdown(@Nullable ExecutorService executor) {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }
}
