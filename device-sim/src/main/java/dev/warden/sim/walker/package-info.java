/**
 * The walker: simulated people with badges arriving at readers (a seeded Poisson process, so runs are repeatable),
 * with a small share of unknown cards, raw Wiegand reads and deliberately malformed payloads; PINs typed with the
 * cards that have one, two different people back to back at two-person doors, and escorts bringing in their visitors.
 */
package dev.warden.sim.walker;
