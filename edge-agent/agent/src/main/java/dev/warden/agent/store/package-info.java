/**
 * The agent's durable counters on disk, fsync'd and renamed atomically: the legacy event sequence file
 * ({@code event-seq}, read at start so an older data directory continues its numbering) and the event journal's
 * acknowledged position.
 */
package dev.warden.agent.store;
