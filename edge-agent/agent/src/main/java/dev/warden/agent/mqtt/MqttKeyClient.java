package dev.warden.agent.mqtt;

import dev.warden.agent.health.Counters;
import dev.warden.contract.ContractJson;
import dev.warden.contract.Parsed;
import dev.warden.contract.ReaderKeyRequest;
import dev.warden.contract.ReaderKeyResponse;
import dev.warden.contract.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches OSDP Secure Channel base keys (SCBK) from the controller over MQTT 5 request/response
 * ({@code agents/{id}/keys/request} → {@code agents/{id}/keys/response}). A key, once given, is kept in memory for
 * the life of the agent and never written to disk or to a log; the controller keeps the authoritative copy. The
 * call blocks (the OSDP bus thread asks, never the agent's worker) for at most the timeout.
 */
public final class MqttKeyClient {

    private static final Logger LOG = LoggerFactory.getLogger(MqttKeyClient.class);
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String agentId;
    private final PahoConnection connection;
    private final Counters counters;
    private final Map<String, CompletableFuture<ReaderKeyResponse>> pending = new ConcurrentHashMap<>();
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    MqttKeyClient(String agentId, PahoConnection connection, Counters counters) {
        this.agentId = agentId;
        this.connection = connection;
        this.counters = counters;
    }

    /** The reader's SCBK, from memory or from the controller; empty when refused, unreachable or too slow. */
    public Optional<byte[]> scbk(String readerId) {
        byte[] known = keys.get(readerId);
        if (known != null) {
            return Optional.of(known.clone());
        }
        String requestId = UUID.randomUUID().toString();
        CompletableFuture<ReaderKeyResponse> answer = new CompletableFuture<>();
        pending.put(requestId, answer);
        try {
            connection.publish(
                            Topics.agentKeyRequest(agentId),
                            ContractJson.write(new ReaderKeyRequest(requestId, readerId)),
                            1,
                            false,
                            PahoConnection.WhenOffline.DROP,
                            new PahoConnection.RequestProperties(
                                    Topics.agentKeyResponse(agentId), requestId.getBytes(StandardCharsets.UTF_8), TIMEOUT.toSeconds()))
                    .whenComplete((ok, e) -> {
                        if (e != null) {
                            answer.completeExceptionally(e);
                        }
                    });
            ReaderKeyResponse response = answer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (response.scbk() != null && !readerId.equals(response.readerId())) {
                counters.increment("keys.wrong-reader");
                LOG.warn("key response for request {} names reader {}, not {}: refused", requestId, response.readerId(), readerId);
                return Optional.empty();
            }
            if (response.scbk() == null) {
                counters.increment("keys.refused." + response.reason());
                LOG.warn("controller refused the Secure Channel key of reader {}: {}", readerId, response.reason());
                return Optional.empty();
            }
            byte[] key = HexFormat.of().parseHex(response.scbk());
            keys.put(readerId, key);
            LOG.info("Secure Channel key of reader {} received from the controller", readerId);
            return Optional.of(key.clone());
        } catch (TimeoutException e) {
            counters.increment("keys.timeout");
            LOG.warn("no Secure Channel key for reader {} within {} s (controller unreachable?)", readerId, TIMEOUT.toSeconds());
            return Optional.empty();
        } catch (ExecutionException e) {
            counters.increment("keys.unreachable");
            LOG.warn("cannot ask the controller for the key of reader {}: {}", readerId, PahoConnection.describe(e.getCause()));
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            pending.remove(requestId);
        }
    }

    /** A message on the key response topic. */
    void onResponse(PahoConnection.Inbound message) {
        String correlation = message.correlationData() == null ? null : new String(message.correlationData(), StandardCharsets.UTF_8);
        switch (ContractJson.parse(message.payload(), ReaderKeyResponse.class)) {
            case Parsed.Ok<ReaderKeyResponse>(ReaderKeyResponse response) -> {
                String id = correlation != null ? correlation : response.requestId();
                CompletableFuture<ReaderKeyResponse> f = id == null ? null : pending.get(id);
                if (f == null) {
                    counters.increment("keys.unmatched");
                    LOG.info("key response for request {} arrived with nothing waiting; ignored", id);
                } else {
                    f.complete(response);
                }
            }
            case Parsed.Rejected<ReaderKeyResponse>(String reason, String detail, String requestId) -> {
                counters.increment("payload.rejected.keys." + reason);
                LOG.warn("unreadable key response: {} ({})", reason, detail);
            }
        }
    }
}
