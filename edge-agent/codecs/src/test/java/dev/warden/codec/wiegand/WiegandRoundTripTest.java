package dev.warden.codec.wiegand;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.codec.wiegand.WiegandResult.Decoded;
import dev.warden.codec.wiegand.WiegandResult.Invalid;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Property: encode then decode gives back the same card, for random values of every standard format. */
class WiegandRoundTripTest {

    private static final int CASES_PER_FORMAT = 5_000;

    private final WiegandDecoder decoder = new WiegandDecoder();
    private final WiegandEncoder encoder = new WiegandEncoder();

    @Test
    void randomCardsRoundTripThroughEveryStandardFormat() {
        Random random = new Random(0x57A2DE11L);
        for (WiegandFormat format : WiegandFormats.standard().all()) {
            for (int i = 0; i < CASES_PER_FORMAT; i++) {
                long facility = boundaryOrRandom(random, format.maxFacility());
                long number = boundaryOrRandom(random, format.maxCard());
                String bits = encoder.encode(format, facility, number);
                assertThat(bits).hasSize(format.bitLength());
                assertThat(decoder.decode(bits))
                        .as("%s facility %d card %d", format.name(), facility, number)
                        .isEqualTo(new Decoded(format.name(), facility, number));
            }
        }
    }

    @Test
    void randomSingleBitFlipsOfRandomCardsAreAlwaysParityErrors() {
        Random random = new Random(42);
        for (WiegandFormat format : WiegandFormats.standard().all()) {
            for (int i = 0; i < 1_000; i++) {
                String bits = encoder.encode(format, boundaryOrRandom(random, format.maxFacility()),
                        boundaryOrRandom(random, format.maxCard()));
                String flipped = WiegandGoldenVectorsTest.flip(bits, random.nextInt(bits.length()));
                assertThat(decoder.decode(flipped)).isInstanceOfSatisfying(Invalid.class,
                        invalid -> assertThat(invalid.reason()).isEqualTo(Invalid.Reason.PARITY_ERROR));
            }
        }
    }

    /** A quarter of the cases hit 0 or the maximum, the rest are uniform in {@code 0..max}. */
    private static long boundaryOrRandom(Random random, long max) {
        return switch (random.nextInt(8)) {
            case 0 -> 0;
            case 1 -> max;
            default -> random.nextLong(max + 1);
        };
    }
}
