package dev.warden.policy.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Verifies that the Nth denial within the window raises, the (N-1)th does not, and at most once per window. */
class RepeatedDenialsDetectorTest {
    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    static final AlarmPlace DOOR = AlarmPlace.door("d");
    final RepeatedDenialsDetector denials = new RepeatedDenialsDetector(5, Duration.ofSeconds(60));

    @Test
    void theFifthDenialWithinTheWindowRaisesTheFourthDoesNot() {
        for (int i = 0; i < 4; i++) {
            assertThat(denials.denied(DOOR, T.plusSeconds(i * 10L))).isEmpty();
        }
        var raise = denials.denied(DOOR, T.plusSeconds(59));
        assertThat(raise).get().satisfies(t -> {
            assertThat(t.type()).isEqualTo(AlarmType.REPEATED_DENIALS);
            assertThat(t.place()).isEqualTo(DOOR);
            assertThat(t.detail()).isEqualTo("5 denials within 60 s");
        });
    }

    @Test
    void aDenialExactlyOneWindowOldNoLongerCounts() {
        for (int i = 0; i < 4; i++) {
            denials.denied(DOOR, T.plusSeconds(i));
        }
        assertThat(denials.denied(DOOR, T.plusSeconds(60))).as("the first one is exactly 60 s old").isEmpty();
        assertThat(denials.denied(DOOR, T.plusSeconds(60).plusMillis(999))).as("the 2nd..6th are within").isPresent();
    }

    @Test
    void raisesAtMostOncePerWindow() {
        for (int i = 0; i < 5; i++) {
            denials.denied(DOOR, T.plusSeconds(i));
        }
        for (int i = 5; i < 20; i++) {
            assertThat(denials.denied(DOOR, T.plusSeconds(i))).as("denial " + (i + 1)).isEmpty();
        }
        // raise at T+4; the next needs five within a window and T+64 or later
        for (int i = 0; i < 5; i++) {
            denials.denied(DOOR, T.plusSeconds(59 + i));
        }
        assertThat(denials.denied(DOOR, T.plusSeconds(63).plusMillis(999))).isEmpty();
        assertThat(denials.denied(DOOR, T.plusSeconds(64))).isPresent();
    }

    @Test
    void placesAreCountedApart() {
        AlarmPlace card = AlarmPlace.credential("c", "p", "d");
        for (int i = 0; i < 4; i++) {
            denials.denied(DOOR, T.plusSeconds(i));
            denials.denied(card, T.plusSeconds(i));
        }
        assertThat(denials.denied(AlarmPlace.door("other"), T.plusSeconds(5))).isEmpty();
        assertThat(denials.denied(card, T.plusSeconds(5))).get().extracting(t -> t.place().key())
                .isEqualTo("credential:c");
    }

    @Test
    void pruneForgetsQuietPlacesOnly() {
        denials.denied(DOOR, T);
        denials.denied(AlarmPlace.door("busy"), T.plusSeconds(50));
        denials.prune(T.plusSeconds(60));
        assertThat(denials.tracked()).isEqualTo(1);
    }

    /** Verifies against a brute-force count over seeded random denial sequences. */
    @Test
    void agreesWithABruteForceCount() {
        Random random = new Random(4711);
        for (int run = 0; run < 300; run++) {
            RepeatedDenialsDetector d = new RepeatedDenialsDetector(3, Duration.ofSeconds(10));
            List<Instant> times = new ArrayList<>();
            Instant lastRaise = null;
            Instant t = T;
            for (int i = 0; i < 40; i++) {
                t = t.plusMillis(random.nextInt(6000));
                times.add(t);
                Instant now = t;
                long within = times.stream().filter(x -> x.isAfter(now.minusSeconds(10))).count();
                boolean expected = within >= 3 && (lastRaise == null || !now.isBefore(lastRaise.plusSeconds(10)));
                if (expected) {
                    lastRaise = now;
                }
                assertThat(d.denied(DOOR, now).isPresent()).as("run %d denial %d", run, i).isEqualTo(expected);
            }
        }
    }
}
