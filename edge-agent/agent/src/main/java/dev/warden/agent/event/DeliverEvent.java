package dev.warden.agent.event;

import dev.warden.contract.AgentEvent;
import java.util.concurrent.CompletionStage;

/**
 * Port: send one journaled event to the controller's side and learn when it is safe there. The journal's forwarder
 * uses it; the MQTT adapter implements it with a QoS 1 publish whose stage completes on the broker's PUBACK.
 */
public interface DeliverEvent {

    /** Whether a delivery may succeed now (the link to the broker is up). */
    boolean ready();

    /**
     * Sends {@code event}. The stage completes normally once the receiving side has confirmed it (MQTT: PUBACK), and
     * exceptionally if it was not sent or refused. It may also never complete (a lost connection): the caller keeps
     * its own timeout.
     */
    CompletionStage<Void> deliver(AgentEvent event);

    /** Runs {@code listener} every time the link comes (back) up, on a thread of the implementation's choosing. */
    void onReady(Runnable listener);
}
