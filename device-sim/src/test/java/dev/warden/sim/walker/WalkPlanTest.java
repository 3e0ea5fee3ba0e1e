package dev.warden.sim.walker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.sim.config.CardSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WalkPlanTest {

    static final List<String> READERS = List.of("rdr-a-in", "rdr-a-out", "rdr-b", "rdr-gate-1");
    static final List<CardSpec> CARDS = List.of(
            new CardSpec("H10301", 12, 1001, "p-0001 Ada"),
            new CardSpec("H10301", 12, 1002, "p-0002 Grace"),
            new CardSpec("H10301", 12, 1003, "p-0003 Edsger"),
            new CardSpec("H10306", 300, 77, "p-0004 Barbara"));

    static List<Step> first(int n, long seed, double rate) {
        WalkPlan plan = new WalkPlan(READERS, CARDS, rate, new Random(seed));
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            steps.add(plan.next());
        }
        return steps;
    }

    @Test
    void theSameSeedGivesTheSameFirstHundredReads() {
        List<Step> a = first(100, 42, 1.0);
        List<Step> b = first(100, 42, 1.0);

        assertThat(a).isEqualTo(b);
        assertThat(a).extracting(Step::readerId).containsAnyElementsOf(READERS);
        assertThat(a.stream().map(Step::readerId).collect(Collectors.toSet())).hasSizeGreaterThan(1);
    }

    @Test
    void anotherSeedGivesAnotherSequence() {
        assertThat(first(100, 42, 1.0)).isNotEqualTo(first(100, 43, 1.0));
    }

    @Test
    void gapsAreExponentialWithTheConfiguredRate() {
        List<Step> steps = first(50_000, 7, 4.0);

        double meanMillis = steps.stream().mapToLong(Step::gapMillis).average().orElseThrow();
        assertThat(meanMillis).isCloseTo(250.0, org.assertj.core.data.Offset.offset(7.5));
        assertThat(steps).allSatisfy(s -> assertThat(s.gapMillis()).isNotNegative());
        // exponential: about 1/e of the gaps exceed the mean
        long longer = steps.stream().filter(s -> s.gapMillis() > 250).count();
        assertThat(longer / (double) steps.size()).isCloseTo(Math.exp(-1), org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void theSharesOfUnusualReadsAreAsDocumented() {
        List<Step> steps = first(200_000, 11, 1.0);
        Map<ReadKind, Long> counts = new EnumMap<>(ReadKind.class);
        steps.forEach(s -> counts.merge(s.kind(), 1L, Long::sum));
        double n = steps.size();

        // WIEGAND and BAD_PARITY only for the 3 of 4 cards that are H10301
        assertThat(counts.getOrDefault(ReadKind.UNKNOWN_CARD, 0L) / n).isCloseTo(0.03, org.assertj.core.data.Offset.offset(0.002));
        assertThat(counts.getOrDefault(ReadKind.WIEGAND, 0L) / n).isCloseTo(0.02 * 0.75, org.assertj.core.data.Offset.offset(0.002));
        assertThat((counts.getOrDefault(ReadKind.MALFORMED_JSON, 0L) + counts.getOrDefault(ReadKind.BAD_PARITY, 0L)) / n)
                .isCloseTo(0.005 * 0.5 + 0.005 * 0.5 * 0.75, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void unknownCardsAreNeverOnTheListAndOnlyH10301IsSentAsBits() {
        Set<String> known = CARDS.stream().map(c -> c.format() + c.facility() + "/" + c.number()).collect(Collectors.toSet());

        for (Step s : first(100_000, 5, 1.0)) {
            String key = s.card().format() + s.card().facility() + "/" + s.card().number();
            if (s.kind() == ReadKind.UNKNOWN_CARD) {
                assertThat(known).doesNotContain(key);
            } else {
                assertThat(known).contains(key);
            }
            if (s.kind() == ReadKind.WIEGAND || s.kind() == ReadKind.BAD_PARITY) {
                assertThat(s.card().format()).isEqualTo("H10301");
            }
        }
    }

    @Test
    void needsReadersCardsAndAPositiveRate() {
        assertThatThrownBy(() -> new WalkPlan(List.of(), CARDS, 1, new Random(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WalkPlan(READERS, List.of(), 1, new Random(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WalkPlan(READERS, CARDS, 0, new Random(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
