package dev.warden.sim.walker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.sim.config.CardSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WalkerTest {

    static final List<String> READERS = List.of("r1", "r2", "r3");
    static final List<CardSpec> CARDS = List.of(new CardSpec("H10301", 1, 1, "a"), new CardSpec("H10301", 1, 2, "b"));

    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** Verifies that the walker presents exactly the plan's steps, in order, and nothing before the devices are ready. */
    @Test
    void presentsThePlanInOrderOnceTheDevicesAreReady() {
        List<Step> presented = new CopyOnWriteArrayList<>();
        AtomicBoolean ready = new AtomicBoolean(false);
        Walker walker = new Walker(new WalkPlan(READERS, CARDS, 200, new Random(3)), step -> {
            presented.add(step);
            return CompletableFuture.completedFuture("ok");
        }, ready::get, scheduler);

        walker.start();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(presented::isEmpty);
        ready.set(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> presented.size() >= 20);
        walker.close();

        WalkPlan same = new WalkPlan(READERS, CARDS, 200, new Random(3));
        List<Step> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add(same.next());
        }
        assertThat(presented.subList(0, 20)).isEqualTo(expected);
        assertThat(walker.reads()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void aFailingPresentationDoesNotStopTheWalk() {
        List<Step> presented = new CopyOnWriteArrayList<>();
        Walker walker = new Walker(new WalkPlan(READERS, CARDS, 200, new Random(4)), step -> {
            presented.add(step);
            return CompletableFuture.failedFuture(new IllegalStateException("broker gone"));
        }, () -> true, scheduler);

        walker.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> presented.size() >= 5);
        walker.close();

        assertThat(presented).hasSizeGreaterThanOrEqualTo(5);
    }
}
