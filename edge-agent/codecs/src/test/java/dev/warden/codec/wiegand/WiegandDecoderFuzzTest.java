package dev.warden.codec.wiegand;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.codec.wiegand.WiegandResult.Decoded;
import dev.warden.codec.wiegand.WiegandResult.Invalid;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Verifies that 100,000 random inputs of random length never make the decoder throw or return null, and that
 * whatever it accepts is exactly what the encoder would produce for that card (no "lucky" mis-decodes).
 */
class WiegandDecoderFuzzTest {

    private static final int CASES = 100_000;
    private static final char[] NOISE = {'0', '1', '2', 'x', ' ', '\n', '\u0000', 'é'};

    @Test
    void randomBitStringsNeverThrowAndAcceptedFramesReencodeIdentically() {
        WiegandDecoder decoder = new WiegandDecoder();
        WiegandEncoder encoder = new WiegandEncoder();
        WiegandFormats formats = WiegandFormats.standard();
        Random random = new Random(20_260_101L);
        Map<Invalid.Reason, Integer> invalid = new EnumMap<>(Invalid.Reason.class);
        int decoded = 0;

        for (int i = 0; i < CASES; i++) {
            String input = randomInput(random);
            WiegandResult result = decoder.decode(input);
            assertThat(result).as("input %s", input).isNotNull();
            switch (result) {
                case Decoded card -> {
                    decoded++;
                    WiegandFormat format = formats.byName(card.format()).orElseThrow();
                    assertThat(encoder.encode(format, card.facility(), card.number())).isEqualTo(input);
                }
                case Invalid bad -> {
                    assertThat(bad.detail()).isNotBlank();
                    invalid.merge(bad.reason(), 1, Integer::sum);
                }
            }
        }
        // the generator reaches every outcome, so the loop above exercised each path
        assertThat(decoded).isPositive();
        assertThat(invalid).containsOnlyKeys(Invalid.Reason.values());
    }

    private static String randomInput(Random random) {
        int mode = random.nextInt(10);
        int length = switch (mode) {
            case 0 -> random.nextInt(300);                                            // anything, incl. > 128
            case 1 -> 0;                                                              // empty
            default -> new int[] {26, 34, 35, 37, 25, 36, 128, 129}[random.nextInt(8)]; // near known lengths
        };
        StringBuilder bits = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            bits.append(mode == 2 ? NOISE[random.nextInt(NOISE.length)] : (random.nextBoolean() ? '1' : '0'));
        }
        return bits.toString();
    }
}
