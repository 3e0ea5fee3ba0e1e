/** The agent's durable local state on disk (for now: the event sequence counter), fsync'd before use. */
package dev.warden.agent.store;
