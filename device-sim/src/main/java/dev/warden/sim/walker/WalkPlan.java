package dev.warden.sim.walker;

import dev.warden.sim.config.CardSpec;
import dev.warden.sim.wiegand.H10301Encoder;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The walker's plan: people with badges arriving at readers as a Poisson process of rate {@code ratePerSecond}
 * (exponential gaps), each at a reader chosen uniformly with a card chosen uniformly. Of all reads,
 * {@value #MALFORMED_SHARE} are malformed (half invalid JSON, half Wiegand with a parity error),
 * {@value #WIEGAND_SHARE} send raw Wiegand bits, and {@value #UNKNOWN_SHARE} use a card nobody was given.
 * Pure: the same {@link Random} seed gives the same sequence of steps.
 */
public final class WalkPlan {

    public static final double MALFORMED_SHARE = 0.005;
    public static final double WIEGAND_SHARE = 0.02;
    public static final double UNKNOWN_SHARE = 0.03;

    private final List<String> readerIds;
    private final List<CardSpec> cards;
    private final Set<String> known = new HashSet<>();
    private final double ratePerSecond;
    private final Random random;

    public WalkPlan(List<String> readerIds, List<CardSpec> cards, double ratePerSecond, Random random) {
        if (readerIds.isEmpty() || cards.isEmpty()) {
            throw new IllegalArgumentException("the walker needs at least one reader and one card");
        }
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("ratePerSecond must be positive");
        }
        this.readerIds = List.copyOf(readerIds);
        this.cards = List.copyOf(cards);
        this.ratePerSecond = ratePerSecond;
        this.random = random;
        cards.forEach(c -> known.add(key(c.format(), c.facility(), c.number())));
    }

    public Step next() {
        double u = random.nextDouble();
        long gapMillis = Math.round(-Math.log(1 - u) / ratePerSecond * 1000);
        String reader = readerIds.get(random.nextInt(readerIds.size()));
        CardSpec card = cards.get(random.nextInt(cards.size()));
        double roll = random.nextDouble();
        ReadKind kind;
        if (roll < MALFORMED_SHARE) {
            kind = random.nextBoolean() ? ReadKind.MALFORMED_JSON : ReadKind.BAD_PARITY;
        } else if (roll < MALFORMED_SHARE + WIEGAND_SHARE) {
            kind = ReadKind.WIEGAND;
        } else if (roll < MALFORMED_SHARE + WIEGAND_SHARE + UNKNOWN_SHARE) {
            kind = ReadKind.UNKNOWN_CARD;
            card = unknownCard();
        } else {
            kind = ReadKind.CARD;
        }
        if ((kind == ReadKind.WIEGAND || kind == ReadKind.BAD_PARITY)
                && !H10301Encoder.canEncode(card.format(), card.facility(), card.number())) {
            kind = ReadKind.CARD; // the simulator only encodes H10301
        }
        return new Step(gapMillis, reader, card, kind);
    }

    private CardSpec unknownCard() {
        while (true) {
            long facility = 200 + random.nextInt(56);
            long number = 50_000 + random.nextInt(15_536);
            if (!known.contains(key(H10301Encoder.FORMAT, facility, number))) {
                return new CardSpec(H10301Encoder.FORMAT, facility, number, "unknown card");
            }
        }
    }

    private static String key(String format, long facility, long number) {
        return format + ":" + facility + ":" + number;
    }
}
