package dev.warden.agent.door;

import dev.warden.contract.DecisionMessage;

/** What came back from {@link AskController}: the controller's decision, or nothing usable in time. */
public sealed interface ControllerAnswer {

    /** The controller decided (GRANT, DENY or REJECTED). */
    record Decided(DecisionMessage decision) implements ControllerAnswer {}

    /**
     * No decision: {@link #DECISION_TIMEOUT} when none came within the timeout, {@link #CONTROLLER_UNREACHABLE} when
     * the request could not even be sent. The door fails secure either way.
     */
    record NoAnswer(String reason, String detail) implements ControllerAnswer {}

    String DECISION_TIMEOUT = "DECISION_TIMEOUT";
    String CONTROLLER_UNREACHABLE = "CONTROLLER_UNREACHABLE";
}
