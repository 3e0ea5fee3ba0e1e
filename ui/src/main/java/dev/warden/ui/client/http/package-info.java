/**
 * The {@link dev.warden.ui.client.ControllerClient} port over the controller's REST API: java.net.http for the
 * transport, Jackson 3 for the JSON, and a small Server-Sent Events reader ({@link
 * dev.warden.ui.client.http.SseFrameParser}) for the live event stream, which reconnects with backoff and treats a
 * silent connection (no event and no heartbeat for a while) as a dead one.
 *
 * <p>Nothing here logs a password or a token: requests are described by method and path only.
 */
package dev.warden.ui.client.http;
