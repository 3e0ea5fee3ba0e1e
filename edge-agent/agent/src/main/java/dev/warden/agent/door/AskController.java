package dev.warden.agent.door;

import dev.warden.contract.AccessRequest;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Port: ask the controller to decide an access request. The answer arrives asynchronously; an implementation
 * must always complete the stage, with {@link ControllerAnswer.NoAnswer} once {@code timeout} has passed without a
 * decision, and never with an exception.
 */
public interface AskController {
    CompletionStage<ControllerAnswer> ask(AccessRequest request, Duration timeout);
}
