package dev.warden.ui.client;

/** The state of a live event stream, as its subscriber hears it. */
public enum StreamState {
    /** Opening the first connection. */
    CONNECTING,
    /** Connected: events arrive as they happen. */
    LIVE,
    /** The connection was lost or could not be made; the next attempt follows after a backoff. */
    RECONNECTING,
    /** The controller no longer accepts the token; the stream has stopped for good. */
    REFUSED
}
