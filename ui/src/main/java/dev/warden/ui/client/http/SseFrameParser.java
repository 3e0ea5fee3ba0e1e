package dev.warden.ui.client.http;

import java.util.Optional;

/**
 * Turns the lines of a {@code text/event-stream} into frames, following the WHATWG "event stream interpretation":
 * {@code event:} names the frame, {@code data:} lines accumulate, {@code id:} sets the last event id, a line
 * starting with {@code :} is a comment (the controller's heartbeat), a blank line dispatches the frame, and unknown
 * fields (including {@code retry:}) are ignored. A frame without data is not dispatched.
 *
 * <p>Pure and single-threaded: one parser per connection, fed line by line without line terminators.
 */
final class SseFrameParser {

    private static final String DEFAULT_EVENT = "message";

    private String event;
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private String lastEventId;

    /** Feeds one line; returns the frame it completes, if any. */
    Optional<SseFrame> accept(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.charAt(0) == ':') {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : valueAfter(line, colon);
        switch (field) {
            case "event" -> event = value;
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastEventId = value.isEmpty() ? null : value;
                }
            }
            default -> {
                // unknown fields are ignored, as the specification asks
            }
        }
        return Optional.empty();
    }

    /** The last event id seen on this stream, to resume from after a reconnect; null if none. */
    String lastEventId() {
        return lastEventId;
    }

    private Optional<SseFrame> dispatch() {
        Optional<SseFrame> frame = hasData
                ? Optional.of(new SseFrame(event == null || event.isEmpty() ? DEFAULT_EVENT : event, data.toString(),
                        lastEventId))
                : Optional.empty();
        event = null;
        data.setLength(0);
        hasData = false;
        return frame;
    }

    private static String valueAfter(String line, int colon) {
        int start = colon + 1;
        if (start < line.length() && line.charAt(start) == ' ') {
            start++;
        }
        return line.substring(start);
    }
}
