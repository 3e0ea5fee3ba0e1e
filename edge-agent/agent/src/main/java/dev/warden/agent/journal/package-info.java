/**
 * The agent's durable event journal (store-and-forward): every event is appended to a segment file and forced to
 * disk before anything tries to send it ({@link dev.warden.agent.journal.EventJournal}); the
 * {@link dev.warden.agent.journal.JournalForwarder} sends the journal in sequence order and moves the acknowledged
 * position only on the broker's PUBACK. The record format ({@link dev.warden.agent.journal.JournalRecord}) is a pure
 * codec with a length and a CRC32C per record, so recovery after kill -9 or a power loss detects a torn or corrupt
 * record. See docs/journal.md.
 */
package dev.warden.agent.journal;
