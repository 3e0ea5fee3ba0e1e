package dev.warden.ui.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SseFrameParserTest {

    private final SseFrameParser parser = new SseFrameParser();

    @Test
    void aNamedFrameIsDispatchedOnTheBlankLine() {
        assertThat(parser.accept("event: access")).isEmpty();
        assertThat(parser.accept("data: {\"id\":1}")).isEmpty();

        assertThat(parser.accept("")).contains(new SseFrame("access", "{\"id\":1}", null));
    }

    @Test
    void heartbeatCommentsProduceNothing() {
        assertThat(feed(": heartbeat", "", ":", "")).isEmpty();
    }

    @Test
    void dataLinesAreJoinedWithNewlinesAndOnlyOneLeadingSpaceIsDropped() {
        assertThat(feed("data:first", "data:  second", "data", "")).containsExactly(
                new SseFrame("message", "first\n second\n", null));
    }

    @Test
    void aFrameWithoutDataIsNotDispatchedAndItsNameDoesNotLeakIntoTheNext() {
        assertThat(feed("event: access", "", "data: x", "")).containsExactly(new SseFrame("message", "x", null));
    }

    @Test
    void theLastEventIdSticksAcrossFramesUntilChangedOrCleared() {
        assertThat(feed("id: 41", "event: access", "data: a", "", "data: b", "")).containsExactly(
                new SseFrame("access", "a", "41"), new SseFrame("message", "b", "41"));
        assertThat(parser.lastEventId()).isEqualTo("41");

        feed("id", "data: c", "");
        assertThat(parser.lastEventId()).isNull();
    }

    @Test
    void unknownFieldsAndRetryAreIgnored() {
        assertThat(feed("retry: 1000", "colour: red", "data: y", "")).containsExactly(
                new SseFrame("message", "y", null));
    }

    @Test
    void anUnfinishedFrameIsNotDispatched() {
        assertThat(feed("event: access", "data: half")).isEmpty();
    }

    /** Verifies that random lines never throw and every dispatched frame carries data. */
    @Test
    void randomLinesNeverBreakTheParser() {
        Random random = new Random(20261123);
        String[] pieces = {"", ":", " ", "event", "data", "id", "retry", "access", "\0", "{", "}", "é", "x"};
        for (int round = 0; round < 20_000; round++) {
            StringBuilder line = new StringBuilder();
            int parts = random.nextInt(5);
            for (int i = 0; i < parts; i++) {
                line.append(pieces[random.nextInt(pieces.length)]);
            }
            Optional<SseFrame> frame = parser.accept(line.toString());
            frame.ifPresent(f -> assertThat(f.event()).isNotEmpty());
            frame.ifPresent(f -> assertThat(f.data()).isNotNull());
        }
    }

    private List<SseFrame> feed(String... lines) {
        List<SseFrame> frames = new ArrayList<>();
        for (String line : lines) {
            parser.accept(line).ifPresent(frames::add);
        }
        return frames;
    }
}
