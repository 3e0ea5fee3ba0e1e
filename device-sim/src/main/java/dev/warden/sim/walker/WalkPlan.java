package dev.warden.sim.walker;

import dev.warden.sim.config.CardSpec;
import dev.warden.sim.config.EscortSpec;
import dev.warden.sim.wiegand.H10301Encoder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The walker's plan: people with badges arriving at readers as a Poisson process of rate {@code ratePerSecond}
 * (exponential gaps), each at a reader chosen uniformly with a card chosen uniformly. Of all reads,
 * {@value #MALFORMED_SHARE} are malformed (half invalid JSON, half Wiegand with a parity error),
 * {@value #WIEGAND_SHARE} send raw Wiegand bits, and {@value #UNKNOWN_SHARE} use a card nobody was given. A card
 * whose holder has a PIN is presented with it (typed on the keypad first).
 *
 * <p>Groups: at a {@code pairReaders} reader a known card is always followed, {@value #COMPANION_MIN_GAP_MS} to
 * {@value #COMPANION_MAX_GAP_MS} ms later, by a different known card at the same reader (the second person of a
 * two-person door). With {@code escorts}, a share {@value #ESCORT_SHARE} of the arrivals is an escorted visit: the
 * escort's card at one of the escort's readers, then the visitor's card there, as soon after.
 *
 * <p>Pure: the same {@link Random} seed gives the same sequence of steps. Without pair readers and escorts the
 * sequence is the one the plan gave before groups existed.
 */
public final class WalkPlan {

    public static final double MALFORMED_SHARE = 0.005;
    public static final double WIEGAND_SHARE = 0.02;
    public static final double UNKNOWN_SHARE = 0.03;
    /** Of all arrivals, how many are an escort bringing in a visitor (when escorts are configured). */
    public static final double ESCORT_SHARE = 0.05;
    /** The second person of a pair or an escorted visit follows after this many ms at least ... */
    public static final long COMPANION_MIN_GAP_MS = 1000;
    /** ... and at most. */
    public static final long COMPANION_MAX_GAP_MS = 3000;

    private final List<String> readerIds;
    private final List<CardSpec> cards;
    private final Set<String> pairReaders;
    private final List<EscortSpec> escorts;
    private final Set<String> known = new HashSet<>();
    private final double ratePerSecond;
    private final Random random;
    private final Deque<Step> following = new ArrayDeque<>();

    public WalkPlan(List<String> readerIds, List<CardSpec> cards, double ratePerSecond, Random random) {
        this(readerIds, cards, List.of(), List.of(), ratePerSecond, random);
    }

    /**
     * @param pairReaders readers where two different cards are presented back to back (ignored with fewer than two cards)
     * @param escorts escorted visits; their card numbers must be among {@code cards}
     */
    public WalkPlan(List<String> readerIds, List<CardSpec> cards, List<String> pairReaders, List<EscortSpec> escorts,
            double ratePerSecond, Random random) {
        if (readerIds.isEmpty() || cards.isEmpty()) {
            throw new IllegalArgumentException("the walker needs at least one reader and one card");
        }
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("ratePerSecond must be positive");
        }
        this.readerIds = List.copyOf(readerIds);
        this.cards = List.copyOf(cards);
        this.pairReaders = Set.copyOf(pairReaders);
        this.escorts = List.copyOf(escorts);
        this.ratePerSecond = ratePerSecond;
        this.random = random;
        cards.forEach(c -> known.add(key(c.format(), c.facility(), c.number())));
        for (EscortSpec e : escorts) {
            card(e.escort());
            card(e.visitor());
        }
    }

    public Step next() {
        if (!following.isEmpty()) {
            return following.poll();
        }
        double u = random.nextDouble();
        long gapMillis = Math.round(-Math.log(1 - u) / ratePerSecond * 1000);
        if (!escorts.isEmpty() && random.nextDouble() < ESCORT_SHARE) {
            EscortSpec visit = escorts.get(random.nextInt(escorts.size()));
            String reader = visit.readers().get(random.nextInt(visit.readers().size()));
            CardSpec visitor = card(visit.visitor());
            following.add(new Step(companionGap(), reader, visitor, ReadKind.CARD, visitor.pin()));
            CardSpec escort = card(visit.escort());
            return new Step(gapMillis, reader, escort, ReadKind.CARD, escort.pin());
        }
        String reader = readerIds.get(random.nextInt(readerIds.size()));
        int cardIndex = random.nextInt(cards.size());
        CardSpec card = cards.get(cardIndex);
        if (pairReaders.contains(reader) && cards.size() > 1) {
            int other = random.nextInt(cards.size() - 1);
            CardSpec partner = cards.get(other >= cardIndex ? other + 1 : other);
            following.add(new Step(companionGap(), reader, partner, ReadKind.CARD, partner.pin()));
            return new Step(gapMillis, reader, card, ReadKind.CARD, card.pin());
        }
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
        String pin = kind == ReadKind.CARD || kind == ReadKind.WIEGAND ? card.pin() : null;
        return new Step(gapMillis, reader, card, kind, pin);
    }

    private long companionGap() {
        return COMPANION_MIN_GAP_MS + random.nextInt((int) (COMPANION_MAX_GAP_MS - COMPANION_MIN_GAP_MS) + 1);
    }

    private CardSpec card(long number) {
        return cards.stream().filter(c -> c.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("escort card number " + number + " is not among the cards"));
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
