package dev.warden.sim.walker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.sim.config.CardSpec;
import dev.warden.sim.config.EscortSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Verifies the walker's groups with a fixed seed: at a pair reader two different cards back to back, an escort's card
 * right before their visitor's at the escort's readers, and PINs typed with the cards that have one.
 */
class WalkPlanGroupsTest {

    static final List<String> READERS = List.of("rdr-lobby-in", "rdr-cage-in", "rdr-cage-out", "rdr-hall-in", "rdr-gate-1");
    static final List<String> PAIR_READERS = List.of("rdr-cage-in", "rdr-cage-out");
    static final CardSpec ADA = new CardSpec("H10301", 12, 1001, "p-0001 Ada", "4821");
    static final CardSpec GRACE = new CardSpec("H10301", 12, 1002, "p-0002 Grace");
    static final CardSpec EDSGER = new CardSpec("H10301", 12, 1003, "p-0003 Edsger", "77120");
    static final CardSpec VISITOR = new CardSpec("H10301", 12, 1196, "p-0196 Visitor");
    static final List<CardSpec> CARDS = List.of(ADA, GRACE, EDSGER, VISITOR);
    static final List<EscortSpec> ESCORTS = List.of(new EscortSpec(1001, 1196, List.of("rdr-lobby-in", "rdr-hall-in")));

    static List<Step> walk(int n, long seed, List<String> pairs, List<EscortSpec> escorts) {
        WalkPlan plan = new WalkPlan(READERS, CARDS, pairs, escorts, 2.0, new Random(seed));
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            steps.add(plan.next());
        }
        return steps;
    }

    @Test
    void theSameSeedGivesTheSamePairsAndEscorts() {
        assertThat(walk(2_000, 42, PAIR_READERS, ESCORTS)).isEqualTo(walk(2_000, 42, PAIR_READERS, ESCORTS));
        assertThat(walk(2_000, 42, PAIR_READERS, ESCORTS)).isNotEqualTo(walk(2_000, 43, PAIR_READERS, ESCORTS));
    }

    @Test
    void withoutGroupsTheSequenceIsTheOneOfThePlainPlan() {
        WalkPlan plain = new WalkPlan(READERS, CARDS, 2.0, new Random(9));
        List<Step> expected = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            expected.add(plain.next());
        }
        assertThat(walk(1_000, 9, List.of(), List.of())).isEqualTo(expected);
    }

    @Test
    void atAPairReaderTwoDifferentCardsArePresentedBackToBackWithinSeconds() {
        List<Step> steps = walk(20_000, 7, PAIR_READERS, List.of());
        int pairs = 0;
        for (int i = 0; i < steps.size() - 1; i++) {
            Step first = steps.get(i);
            if (!PAIR_READERS.contains(first.readerId())) {
                continue;
            }
            Step second = steps.get(i + 1);
            assertThat(second.readerId()).as("step %d", i + 1).isEqualTo(first.readerId());
            assertThat(second.card()).as("step %d", i + 1).isNotEqualTo(first.card());
            assertThat(second.gapMillis()).isBetween(WalkPlan.COMPANION_MIN_GAP_MS, WalkPlan.COMPANION_MAX_GAP_MS);
            assertThat(List.of(first.kind(), second.kind())).containsOnly(ReadKind.CARD);
            assertThat(CARDS).contains(first.card(), second.card());
            pairs++;
            i++; // the second of the pair
        }
        // 2 of 5 readers are pair readers; each pair takes two steps
        double arrivals = steps.size() - pairs;
        assertThat(pairs / arrivals).isCloseTo(0.4, Offset.offset(0.02));
    }

    @Test
    void anEscortIsFollowedByTheirVisitorAtTheEscortsReaders() {
        List<Step> steps = walk(40_000, 11, List.of(), ESCORTS);
        int visits = 0;
        for (int i = 0; i < steps.size() - 1; i++) {
            Step escort = steps.get(i);
            Step visitor = steps.get(i + 1);
            if (escort.card().equals(ADA) && visitor.card().equals(VISITOR) && visitor.readerId().equals(escort.readerId())
                    && ESCORTS.getFirst().readers().contains(escort.readerId()) && visitor.kind() == ReadKind.CARD
                    && visitor.gapMillis() >= WalkPlan.COMPANION_MIN_GAP_MS && visitor.gapMillis() <= WalkPlan.COMPANION_MAX_GAP_MS) {
                assertThat(escort.pin()).isEqualTo("4821");
                visits++;
            }
        }
        double arrivals = steps.size() - visits;
        assertThat(visits / arrivals).isCloseTo(WalkPlan.ESCORT_SHARE, Offset.offset(0.006));
        assertThat(steps.stream().filter(s -> s.card().equals(VISITOR)).map(Step::readerId))
                .as("both escort readers are used").contains("rdr-lobby-in", "rdr-hall-in");
    }

    @Test
    void anEscortNumberSharedByTwoCardsNamesTheFirstAndEveryVisitIsEscortThenVisitor() {
        CardSpec foreign = new CardSpec("H10301", 99, 1001, "foreign card");
        List<CardSpec> cards = List.of(ADA, GRACE, foreign, VISITOR);
        WalkPlan plan = new WalkPlan(List.of("rdr-gate-1"), cards, List.of(),
                List.of(new EscortSpec(1001, 1196, List.of("rdr-escorted-only"))), 1.0, new Random(21));
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            steps.add(plan.next());
        }
        int visits = 0;
        for (int i = 0; i < steps.size(); i++) {
            if (!steps.get(i).readerId().equals("rdr-escorted-only")) {
                continue;
            }
            assertThat(steps.get(i).card()).isEqualTo(ADA);
            assertThat(steps.get(i + 1).card()).isEqualTo(VISITOR);
            assertThat(steps.get(i + 1).readerId()).isEqualTo("rdr-escorted-only");
            visits++;
            i++;
        }
        assertThat(visits).isPositive();
    }

    @Test
    void aCardsPinIsTypedWithItAndNeverWithAnUnknownCard() {
        for (Step s : walk(20_000, 5, PAIR_READERS, ESCORTS)) {
            switch (s.kind()) {
                case CARD, WIEGAND -> assertThat(s.pin()).isEqualTo(s.card().pin());
                default -> assertThat(s.pin()).isNull();
            }
        }
        assertThat(new Step(0, "r", ADA, ReadKind.CARD, "4821").toString()).doesNotContain("4821").contains("pin=***");
    }

    @Test
    void escortCardsMustBeAmongTheCards() {
        assertThatThrownBy(() -> new WalkPlan(READERS, CARDS, List.of(), List.of(new EscortSpec(1001, 9999, List.of("rdr-gate-1"))),
                1.0, new Random(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9999");
    }
}
