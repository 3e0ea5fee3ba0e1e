/**
 * The decision point. {@link dev.warden.controller.decision.AccessIndex} keeps an immutable
 * {@link dev.warden.policy.AccessSnapshot} (plus the reader → door map) in an atomic reference and rebuilds it
 * from the database after every committed change to access data; {@link dev.warden.controller.decision.ReaderDecisions}
 * answers card reads from that snapshot only (no database on the hot path) and hands the resulting event to the
 * asynchronous event writer. {@link dev.warden.controller.decision.AccessIndexHealth} reports the index DOWN when
 * committed changes stop reaching it.
 */
package dev.warden.controller.decision;
