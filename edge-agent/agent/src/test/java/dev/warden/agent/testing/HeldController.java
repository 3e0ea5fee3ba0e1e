package dev.warden.agent.testing;

import dev.warden.agent.door.AskController;
import dev.warden.agent.door.ControllerAnswer;
import dev.warden.contract.AccessRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An {@link AskController} whose answers wait until the test gives them: every request stays pending until
 * {@link #answer} (or {@link #fail}) is called for it, so a test decides exactly when a request is in flight.
 */
public final class HeldController implements AskController {

    /** One request and the answer it is waiting for. */
    public record Held(AccessRequest request, CompletableFuture<ControllerAnswer> answer) {}

    private final List<Held> held = new ArrayList<>();

    @Override
    public synchronized CompletionStage<ControllerAnswer> ask(AccessRequest request, Duration timeout) {
        CompletableFuture<ControllerAnswer> answer = new CompletableFuture<>();
        held.add(new Held(request, answer));
        return answer;
    }

    public synchronized List<AccessRequest> requests() {
        return held.stream().map(Held::request).toList();
    }

    /** Completes the {@code index}-th request (0-based, in the order asked) with {@code answer}. */
    public void answer(int index, ControllerAnswer answer) {
        Held h;
        synchronized (this) {
            h = held.get(index);
        }
        h.answer().complete(answer);
    }

    /** Completes the {@code index}-th request exceptionally, as a faulty adapter might despite the port's contract. */
    public void fail(int index, RuntimeException e) {
        Held h;
        synchronized (this) {
            h = held.get(index);
        }
        h.answer().completeExceptionally(e);
    }
}
