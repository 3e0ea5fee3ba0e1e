package dev.warden.ui.client.http;

/**
 * One dispatched Server-Sent Events frame: its event type ({@code message} when the frame named none), its data
 * lines joined by {@code \n}, and the last event id seen on the stream so far (null if none).
 */
record SseFrame(String event, String data, String lastEventId) {
}
