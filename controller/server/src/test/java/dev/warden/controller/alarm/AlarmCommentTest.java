package dev.warden.controller.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.controller.api.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Verifies the comment every alarm action needs: present, not blank, at most 1000 characters, no control characters. */
class AlarmCommentTest {
    @Test
    void aCommentIsRequired() {
        assertThatThrownBy(() -> AlarmController.comment(null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("comment is required");
        assertThatThrownBy(() -> AlarmController.comment(new CommentBody(null))).hasMessage("comment is required");
        assertThatThrownBy(() -> AlarmController.comment(new CommentBody(" \t "))).hasMessage("comment is required");
    }

    @Test
    void lengthBoundaryAfterTrimming() {
        String max = "x".repeat(1000);
        assertThat(AlarmController.comment(new CommentBody("  " + max + "  "))).isEqualTo(max);
        assertThatThrownBy(() -> AlarmController.comment(new CommentBody(max + "y")))
                .hasMessage("comment must be at most 1000 characters");
    }

    @Test
    void lineBreaksAndTabsAreAllowedOtherControlCharactersNot() {
        assertThat(AlarmController.comment(new CommentBody("checked\nall\tfine"))).isEqualTo("checked\nall\tfine");
        assertThatThrownBy(() -> AlarmController.comment(new CommentBody("bell\u0007")))
                .hasMessage("comment must not contain control characters");
    }
}
