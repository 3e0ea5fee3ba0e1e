package dev.warden.agent.testing;

import dev.warden.agent.door.AskController;
import dev.warden.agent.door.ControllerAnswer;
import dev.warden.contract.AccessRequest;
import dev.warden.contract.DecisionMessage;
import dev.warden.contract.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** An {@link AskController} that answers every request with a scripted answer, at once, and remembers the requests. */
public final class FakeController implements AskController {

    private final Function<AccessRequest, ControllerAnswer> script;
    private final List<AccessRequest> requests = new ArrayList<>();
    private final List<Duration> timeouts = new ArrayList<>();

    private FakeController(Function<AccessRequest, ControllerAnswer> script) {
        this.script = script;
    }

    public static FakeController answering(Function<AccessRequest, ControllerAnswer> script) {
        return new FakeController(script);
    }

    public static FakeController granting(long unlockMs) {
        return answering(r -> new ControllerAnswer.Decided(
                new DecisionMessage(r.requestId(), Verdict.GRANT, "GRANTED", unlockMs, null, Instant.EPOCH)));
    }

    public static FakeController denying(String reason) {
        return answering(r -> new ControllerAnswer.Decided(
                new DecisionMessage(r.requestId(), Verdict.DENY, reason, 0, null, Instant.EPOCH)));
    }

    /** The controller never answers in time: what a real adapter reports once the timeout has passed. */
    public static FakeController silent() {
        return answering(r -> new ControllerAnswer.NoAnswer(ControllerAnswer.DECISION_TIMEOUT, "no decision in time"));
    }

    @Override
    public synchronized CompletionStage<ControllerAnswer> ask(AccessRequest request, Duration timeout) {
        requests.add(request);
        timeouts.add(timeout);
        return CompletableFuture.completedFuture(script.apply(request));
    }

    public synchronized List<AccessRequest> requests() {
        return List.copyOf(requests);
    }

    public synchronized List<Duration> timeouts() {
        return List.copyOf(timeouts);
    }
}
