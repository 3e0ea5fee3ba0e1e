package dev.warden.agent.mqtt;

import dev.warden.agent.door.AskController;
import dev.warden.agent.door.ControllerAnswer;
import dev.warden.agent.health.Counters;
import dev.warden.contract.AccessRequest;
import dev.warden.contract.ContractJson;
import dev.warden.contract.DecisionMessage;
import dev.warden.contract.Parsed;
import dev.warden.contract.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AskController} over MQTT 5 request/response: the request goes to {@code agents/{id}/access/request} with
 * response topic {@code agents/{id}/access/response} and the request id as correlation data (and a message expiry,
 * so a controller that comes back late does not decide stale requests). The decision is matched by correlation
 * data, or by its {@code requestId} when the controller sent none. A decision arriving after the timeout finds
 * nothing pending and is dropped (counted). Every stage completes on the agent's worker thread.
 */
final class MqttControllerClient implements AskController {

    private static final Logger LOG = LoggerFactory.getLogger(MqttControllerClient.class);

    private final String agentId;
    private final PahoConnection connection;
    private final ScheduledExecutorService worker;
    private final Counters counters;
    private final Map<String, CompletableFuture<ControllerAnswer>> pending = new ConcurrentHashMap<>();

    MqttControllerClient(String agentId, PahoConnection connection, ScheduledExecutorService worker, Counters counters) {
        this.agentId = agentId;
        this.connection = connection;
        this.worker = worker;
        this.counters = counters;
    }

    @Override
    public CompletionStage<ControllerAnswer> ask(AccessRequest request, Duration timeout) {
        String id = request.requestId();
        CompletableFuture<ControllerAnswer> answer = new CompletableFuture<>();
        pending.put(id, answer);
        worker.schedule(
                () -> finish(id, new ControllerAnswer.NoAnswer(ControllerAnswer.DECISION_TIMEOUT,
                        "no decision within " + timeout.toMillis() + " ms")),
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        long expirySeconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        connection
                .publish(
                        Topics.agentAccessRequest(agentId),
                        ContractJson.write(request),
                        1,
                        false,
                        PahoConnection.WhenOffline.DROP,
                        new PahoConnection.RequestProperties(
                                Topics.agentAccessResponse(agentId), id.getBytes(StandardCharsets.UTF_8), expirySeconds))
                .whenComplete((ok, e) -> {
                    if (e != null) {
                        worker.execute(() -> finish(id, new ControllerAnswer.NoAnswer(
                                ControllerAnswer.CONTROLLER_UNREACHABLE, PahoConnection.describe(e))));
                    }
                });
        return answer;
    }

    /** A message on the access response topic. */
    void onResponse(PahoConnection.Inbound message) {
        String correlation = message.correlationData() == null
                ? null
                : new String(message.correlationData(), StandardCharsets.UTF_8);
        switch (ContractJson.parse(message.payload(), DecisionMessage.class)) {
            case Parsed.Ok<DecisionMessage>(DecisionMessage decision) -> {
                String id = correlation != null ? correlation : decision.requestId();
                if (id == null || !finish(id, new ControllerAnswer.Decided(decision))) {
                    counters.increment("decision.unmatched");
                    LOG.info("decision for request {} arrived with nothing waiting (late or unknown); ignored", id);
                }
            }
            case Parsed.Rejected<DecisionMessage>(String reason, String detail, String requestId) -> {
                counters.increment("payload.rejected.decision." + reason);
                String id = correlation != null ? correlation : requestId;
                LOG.warn("unreadable decision for request {}: {} ({})", id, reason, detail);
                if (id != null) {
                    finish(id, new ControllerAnswer.NoAnswer("INVALID_DECISION", reason + ": " + detail));
                }
            }
        }
    }

    /** Completes the request's stage if it is still pending; true if it was. */
    private boolean finish(String requestId, ControllerAnswer answer) {
        CompletableFuture<ControllerAnswer> f = pending.remove(requestId);
        if (f == null) {
            return false;
        }
        f.complete(answer);
        return true;
    }

    int pendingCount() {
        return pending.size();
    }
}
