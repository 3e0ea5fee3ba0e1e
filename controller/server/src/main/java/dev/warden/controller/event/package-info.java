/**
 * Access, door and device events: the asynchronous batching {@link dev.warden.controller.event.EventWriter},
 * idempotent ingestion of agent events ({@link dev.warden.controller.event.AgentEventIngestion}, unique on agent
 * id + sequence; an agent speaks only for the doors it serves, and its clock is believed only within a window),
 * agent presence ({@link dev.warden.controller.event.AgentPresence}), the live broadcaster behind
 * the SSE stream, and the {@code /api/v1/events} query and stream endpoints.
 */
package dev.warden.controller.event;
