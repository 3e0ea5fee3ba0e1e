package dev.warden.sim.device;

import dev.warden.contract.ContractJson;
import dev.warden.contract.DecisionMessage;
import dev.warden.contract.Parsed;
import dev.warden.contract.Topics;
import dev.warden.sim.config.StandaloneReaderSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A badge reader that talks to the controller directly: reads on {@code readers/{id}/read}, decisions on
 * {@code readers/{id}/decision}, matched by request id. A decision without a request id (the controller could not
 * read the request) goes to the oldest read still waiting.
 */
public final class StandaloneReader {

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneReader.class);

    private final StandaloneReaderSpec spec;
    private final Map<String, CompletableFuture<DecisionMessage>> waiting = new LinkedHashMap<>();
    private final AtomicLong rejectedDecisions = new AtomicLong();
    private DecisionMessage last;
    private DeviceChannel channel;

    public StandaloneReader(StandaloneReaderSpec spec) {
        this.spec = spec;
    }

    public String id() {
        return spec.id();
    }

    public String doorId() {
        return spec.doorId();
    }

    public String decisionTopic() {
        return Topics.readerDecision(spec.id());
    }

    public synchronized void attach(DeviceChannel channel) {
        this.channel = channel;
    }

    /** Registers interest in the decision for {@code requestId}; call before {@link #send}. */
    public synchronized CompletableFuture<DecisionMessage> awaitDecision(String requestId) {
        CompletableFuture<DecisionMessage> f = new CompletableFuture<>();
        waiting.put(requestId, f);
        return f;
    }

    public synchronized void forget(String requestId) {
        waiting.remove(requestId);
    }

    public void send(byte[] payload) {
        DeviceChannel c;
        synchronized (this) {
            c = channel;
        }
        c.publish(Topics.readerRead(spec.id()), payload, false);
    }

    public void onMessage(String topic, byte[] payload) {
        switch (ContractJson.parse(payload, DecisionMessage.class)) {
            case Parsed.Ok<DecisionMessage>(DecisionMessage decision) -> deliver(decision);
            case Parsed.Rejected<DecisionMessage>(String reason, String detail, String requestId) -> {
                rejectedDecisions.incrementAndGet();
                LOG.warn("reader {} ignored a malformed decision: {} ({})", spec.id(), reason, detail);
            }
        }
    }

    private void deliver(DecisionMessage decision) {
        CompletableFuture<DecisionMessage> f;
        synchronized (this) {
            last = decision;
            if (decision.requestId() != null) {
                f = waiting.remove(decision.requestId());
            } else {
                var oldest = waiting.entrySet().stream().findFirst();
                f = oldest.map(e -> waiting.remove(e.getKey())).orElse(null);
            }
        }
        if (f == null) {
            LOG.info("reader {} got a decision for {} nobody waits for (late?)", spec.id(), decision.requestId());
            return;
        }
        f.complete(decision);
    }

    /** The last decision this reader received, or {@code null}. */
    public synchronized DecisionMessage lastDecision() {
        return last;
    }

    public long rejectedDecisions() {
        return rejectedDecisions.get();
    }
}
