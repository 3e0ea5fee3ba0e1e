/**
 * The doors view: every door and gate with its state, its agent's connection and its last change, kept current
 * two ways. A live event about a door or device triggers a re-fetch at once (at most one per second, on the
 * stream's thread), so a forced door shows within a second; and the browser polls every five seconds, which
 * catches what produces no event on the stream (an agent that silently drops off) and anything the one-per-second
 * spacing skipped. A door list is small, so a full re-fetch is cheaper and simpler than applying deltas.
 */
package dev.warden.ui.door;
