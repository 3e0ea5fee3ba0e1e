/**
 * The walker: simulated people with badges arriving at readers (a seeded Poisson process, so runs are repeatable),
 * with a small share of unknown cards, raw Wiegand reads and deliberately malformed payloads.
 */
package dev.warden.sim.walker;
