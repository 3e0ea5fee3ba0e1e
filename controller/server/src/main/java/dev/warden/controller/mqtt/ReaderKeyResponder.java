package dev.warden.controller.mqtt;

import dev.warden.contract.ContractJson;
import dev.warden.contract.Parsed;
import dev.warden.contract.ReaderKeyRequest;
import dev.warden.contract.ReaderKeyResponse;
import dev.warden.contract.Topics;
import dev.warden.controller.readerkey.ReaderKeys;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers agents' {@link ReaderKeyRequest}s (MQTT 5 request/response on {@code warden/v1/agents/{id}/keys/...}).
 * The answer always goes to the asking agent's own {@link Topics#agentKeyResponse} topic with the request's
 * correlation data (another response topic is ignored and counted, as for access requests), at QoS 1 with the
 * decision expiry, never retained. Outcomes are counted per kind ({@link MqttIngressStats#keyRequest}); a refusal is
 * logged with agent, reader and reason. The key itself is never logged.
 */
final class ReaderKeyResponder {
    private static final Logger LOG = LoggerFactory.getLogger(ReaderKeyResponder.class);

    /** Counted outcomes besides the refusal reasons. */
    static final String ISSUED = "ISSUED";
    static final String CREATED = "CREATED";

    private final ControllerMqttClient client;
    private final @Nullable ReaderKeys keys;
    private final MqttIngressStats stats;
    private final Duration expiry;

    ReaderKeyResponder(ControllerMqttClient client, @Nullable ReaderKeys keys, MqttIngressStats stats,
            Duration expiry) {
        this.client = client;
        this.keys = keys;
        this.stats = stats;
        this.expiry = expiry;
    }

    /** Handles one request; never throws. The caller acknowledges the message. */
    void handle(String agentId, ControllerMqttClient.Inbound m) {
        String replyTopic = Topics.agentKeyResponse(agentId);
        if (m.responseTopic() != null && !m.responseTopic().equals(replyTopic)) {
            stats.responseTopicIgnored();
            LOG.warn("Agent {} named response topic {} for a key request; answering on its own {}", agentId,
                    m.responseTopic(), replyTopic);
        }
        String requestId = null;
        String readerId = null;
        try {
            switch (ContractJson.parse(m.payload(), ReaderKeyRequest.class)) {
                case Parsed.Rejected<ReaderKeyRequest> r -> {
                    stats.rejected(r.reason());
                    stats.keyRequest(r.reason());
                    LOG.warn("Key request from agent {} rejected: {} ({})", agentId, r.reason(), r.detail());
                    reply(replyTopic, m.correlationData(), ReaderKeyResponse.refused(r.requestId(), null, r.reason()));
                }
                case Parsed.Ok<ReaderKeyRequest> ok -> {
                    requestId = ok.value().requestId();
                    readerId = ok.value().readerId();
                    if (keys == null) {
                        throw new IllegalStateException("reader keys are not available");
                    }
                    switch (keys.keyFor(agentId, readerId)) {
                        case ReaderKeys.Answer.Key key -> {
                            stats.keyRequest(key.created() ? CREATED : ISSUED);
                            LOG.info("Secure Channel key of reader {} sent to agent {} (request {})", readerId,
                                    agentId, requestId);
                            reply(replyTopic, m.correlationData(),
                                    ReaderKeyResponse.issued(requestId, readerId, key.scbkHex()));
                        }
                        case ReaderKeys.Answer.NotYourReader no -> {
                            stats.keyRequest(ReaderKeyResponse.NOT_YOUR_READER);
                            LOG.warn("Key request {} of agent {} for reader {} refused: {} ({})", requestId, agentId,
                                    readerId, ReaderKeyResponse.NOT_YOUR_READER, no.why());
                            reply(replyTopic, m.correlationData(), ReaderKeyResponse.refused(requestId, readerId,
                                    ReaderKeyResponse.NOT_YOUR_READER));
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            stats.keyRequest(ReaderKeyResponse.INTERNAL_ERROR);
            LOG.error("Key request {} of agent {} for reader {} failed: {}", requestId, agentId, readerId,
                    e.toString());
            try {
                reply(replyTopic, m.correlationData(),
                        ReaderKeyResponse.refused(requestId, readerId, ReaderKeyResponse.INTERNAL_ERROR));
            } catch (RuntimeException again) {
                LOG.debug("key refusal could not be sent either: {}", again.toString());
            }
        }
    }

    private void reply(String topic, @Nullable byte[] correlation, ReaderKeyResponse response) {
        try {
            client.publish(topic, ContractJson.write(response), 1, expiry, correlation);
        } catch (MqttPublishException e) {
            stats.replyNotSent();
            LOG.warn("Key response to request {} not sent to {}: {}", response.requestId(), topic, e.getMessage());
        }
    }
}
