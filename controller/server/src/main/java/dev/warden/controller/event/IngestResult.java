package dev.warden.controller.event;

/** What {@link AgentEventIngestion#ingest} did with an agent event. */
public enum IngestResult {
    /** First delivery: stored (and door state applied). */
    STORED,
    /** This (agentId, seq) was stored before: nothing changed. Acknowledge it all the same. */
    DUPLICATE
}
