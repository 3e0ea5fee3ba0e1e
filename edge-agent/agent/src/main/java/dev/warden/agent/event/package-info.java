/**
 * Edge events: numbering with a sequence that survives restarts (agent id + seq identify an event, so the
 * controller ignores redeliveries), stamping, and the ports that persist the sequence, journal events
 * ({@link dev.warden.agent.event.PublishEvent}, implemented by the durable journal) and deliver them
 * ({@link dev.warden.agent.event.DeliverEvent}, implemented by the MQTT adapter).
 */
package dev.warden.agent.event;
