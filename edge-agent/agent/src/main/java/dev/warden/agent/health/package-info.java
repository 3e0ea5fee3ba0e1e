/** Counters of rejected input and degraded operation, so nothing bad disappears silently. */
package dev.warden.agent.health;
