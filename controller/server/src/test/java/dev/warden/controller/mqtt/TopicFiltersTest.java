package dev.warden.controller.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopicFiltersTest {

    @Test
    void matchesFollowsTheMqttRules() {
        assertThat(TopicFilters.matches("warden/v1/readers/R1/read", "warden/v1/readers/R1/read")).isTrue();
        assertThat(TopicFilters.matches("warden/v1/readers/+/read", "warden/v1/readers/R1/read")).isTrue();
        assertThat(TopicFilters.matches("warden/v1/readers/+/read", "warden/v1/readers/R1/x/read")).isFalse();
        assertThat(TopicFilters.matches("warden/v1/readers/R1/#", "warden/v1/readers/R1/decision")).isTrue();
        assertThat(TopicFilters.matches("warden/v1/readers/R1/#", "warden/v1/readers/R1")).isTrue();
        assertThat(TopicFilters.matches("warden/v1/readers/R1/#", "warden/v1/readers/R10/decision")).isFalse();
        assertThat(TopicFilters.matches("#", "warden/v1")).isTrue();
        assertThat(TopicFilters.matches("#", "$SYS/broker")).isFalse();
        assertThat(TopicFilters.matches("+/broker", "$SYS/broker")).isFalse();
        assertThat(TopicFilters.matches("a/b", "a/b/")).isFalse();
        assertThat(TopicFilters.matches("a/+", "a/")).isTrue();
        assertThat(TopicFilters.matches("a/b", "")).isFalse();
    }

    @Test
    void coversDecidesWhetherARequestedSubscriptionStaysInsideTheAllowedOne() {
        String own = "warden/v1/readers/R1/#";
        assertThat(TopicFilters.covers(own, "warden/v1/readers/R1/decision")).isTrue();
        assertThat(TopicFilters.covers(own, "warden/v1/readers/R1/#")).isTrue();
        assertThat(TopicFilters.covers(own, "warden/v1/readers/R1/+")).isTrue();
        assertThat(TopicFilters.covers(own, "warden/v1/readers/+/decision")).isFalse();
        assertThat(TopicFilters.covers(own, "warden/v1/readers/#")).isFalse();
        assertThat(TopicFilters.covers(own, "#")).isFalse();
        assertThat(TopicFilters.covers("warden/v1/readers/R1/decision", "warden/v1/readers/R1/decision")).isTrue();
        assertThat(TopicFilters.covers("warden/v1/readers/R1/decision", "warden/v1/readers/R1/+")).isFalse();
        assertThat(TopicFilters.covers("a/+/c", "a/b/c")).isTrue();
        assertThat(TopicFilters.covers("a/+/c", "a/+/c")).isTrue();
        assertThat(TopicFilters.covers("a/+/c", "a/#")).isFalse();
        assertThat(TopicFilters.covers("#", "$SYS/#")).isFalse();
    }

    /**
     * Verifies the defining property of {@code covers} on random filters (seeded): whenever it says yes, every topic
     * the requested filter matches is matched by the allowed one.
     */
    @Test
    void coversIsNeverLooserThanMatches() {
        Random random = new Random(20_251_123L);
        String[] words = {"a", "b", "c"};
        int checkedCovers = 0;
        for (int i = 0; i < 4000; i++) {
            String allowed = randomFilter(random, words);
            String requested = randomFilter(random, words);
            if (!TopicFilters.covers(allowed, requested)) {
                continue;
            }
            checkedCovers++;
            for (String topic : topicsOf(requested, words)) {
                assertThat(TopicFilters.matches(allowed, topic))
                        .as("%s covers %s, so it must match %s", allowed, requested, topic)
                        .isTrue();
            }
        }
        assertThat(checkedCovers).isGreaterThan(100);
    }

    @Test
    void problemNamesMalformedFilters() {
        assertThat(TopicFilters.problem("warden/v1/readers/+/read")).isEmpty();
        assertThat(TopicFilters.problem("warden/#")).isEmpty();
        assertThat(TopicFilters.problem("")).isPresent();
        assertThat(TopicFilters.problem("warden/#/x")).isPresent();
        assertThat(TopicFilters.problem("warden/a#")).isPresent();
        assertThat(TopicFilters.problem("warden/a+")).isPresent();
        assertThat(TopicFilters.problem("warden\n/x")).isPresent();
        assertThat(TopicFilters.problem("x".repeat(TopicFilters.MAX_FILTER_LENGTH + 1))).isPresent();
        assertThat(TopicFilters.isValidTopicName("warden/v1/readers/R1/read")).isTrue();
        assertThat(TopicFilters.isValidTopicName("warden/+/x")).isFalse();
    }

    @Test
    void sharedSubscriptionsAreTakenApart() {
        assertThat(TopicFilters.shared("$share/warden-controllers/warden/v1/readers/+/read"))
                .contains(new TopicFilters.Shared("warden-controllers", "warden/v1/readers/+/read"));
        assertThat(TopicFilters.shared("warden/v1/readers/+/read")).isEmpty();
        assertThat(TopicFilters.shared("$share/g")).isEmpty();
        assertThat(TopicFilters.shared("$share/g/")).isEmpty();
    }

    private static String randomFilter(Random random, String[] words) {
        int levels = 1 + random.nextInt(4);
        List<String> parts = new ArrayList<>();
        for (int l = 0; l < levels; l++) {
            int pick = random.nextInt(6);
            if (pick == 5 && l == levels - 1) {
                parts.add("#");
            } else if (pick >= 3) {
                parts.add("+");
            } else {
                parts.add(words[pick]);
            }
        }
        return String.join("/", parts);
    }

    /** Every topic of up to 5 levels over {@code words} that {@code filter} matches. */
    private static List<String> topicsOf(String filter, String[] words) {
        List<String> out = new ArrayList<>();
        List<String> current = new ArrayList<>(List.of(""));
        for (int depth = 1; depth <= 5; depth++) {
            List<String> next = new ArrayList<>();
            for (String prefix : current) {
                for (String w : words) {
                    String topic = prefix.isEmpty() ? w : prefix + "/" + w;
                    next.add(topic);
                    if (TopicFilters.matches(filter, topic)) {
                        out.add(topic);
                    }
                }
            }
            current = next;
        }
        return out;
    }
}
