/**
 * Edge events: numbering with a sequence that survives restarts (agent id + seq identify an event, so the
 * controller ignores redeliveries), stamping, and the ports that persist the sequence and deliver events.
 */
package dev.warden.agent.event;
