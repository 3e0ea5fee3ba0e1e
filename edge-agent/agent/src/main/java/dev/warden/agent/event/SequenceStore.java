package dev.warden.agent.event;

/**
 * Port: durable memory of the last event sequence number the agent used. {@link #store} returns only once the
 * number is on stable storage, so a number is never handed out twice, even across a power loss.
 */
public interface SequenceStore {

    /** The last sequence number stored, or 0 if none was ever stored. */
    long last();

    /** Makes {@code seq} durable. */
    void store(long seq);
}
