package dev.warden.agent.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.agent.health.Counters;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class BoundedInboundTest {

    /** An executor that only queues tasks; the test runs them when it wants, on its own thread. */
    static final class ManualExecutor implements Executor {
        final Deque<Runnable> tasks = new ArrayDeque<>();
        boolean shutDown;

        @Override
        public void execute(Runnable task) {
            if (shutDown) {
                throw new RejectedExecutionException("shut down");
            }
            tasks.add(task);
        }

        void runOne() {
            tasks.removeFirst().run();
        }
    }

    final ManualExecutor worker = new ManualExecutor();
    final Counters counters = new Counters();
    final List<String> handled = new ArrayList<>();

    BoundedInbound queue(int max, Consumer<PahoConnection.Inbound> target) {
        return new BoundedInbound(worker, target, max, counters);
    }

    static PahoConnection.Inbound message(int n) {
        return new PahoConnection.Inbound("warden/v1/devices/rdr-1/read", ("m" + n).getBytes(StandardCharsets.UTF_8), false, null, null);
    }

    Consumer<PahoConnection.Inbound> recording() {
        return m -> handled.add(new String(m.payload(), StandardCharsets.UTF_8));
    }

    @Test
    void theAgentsBoundIsAThousandPendingMessages() {
        assertThat(PahoConnection.MAX_PENDING_INBOUND).isEqualTo(1_000);
    }

    @Test
    void messagesAboveTheBoundAreDroppedAndCounted() {
        BoundedInbound queue = queue(1_000, recording());

        for (int i = 0; i < 1_250; i++) {
            queue.offer(message(i));
        }

        assertThat(worker.tasks).hasSize(1_000);
        assertThat(queue.pending()).isEqualTo(1_000);
        assertThat(counters.get(BoundedInbound.DROPPED)).isEqualTo(250);
        while (!worker.tasks.isEmpty()) {
            worker.runOne();
        }
        assertThat(handled).hasSize(1_000).startsWith("m0", "m1").endsWith("m999");
        assertThat(queue.pending()).isZero();
    }

    @Test
    void roomIsMadeAsTheWorkerCatchesUp() {
        BoundedInbound queue = queue(2, recording());
        assertThat(queue.offer(message(1))).isTrue();
        assertThat(queue.offer(message(2))).isTrue();
        assertThat(queue.offer(message(3))).isFalse();

        worker.runOne();

        assertThat(queue.offer(message(4))).isTrue();
        assertThat(queue.offer(message(5))).isFalse();
        worker.runOne();
        worker.runOne();
        assertThat(handled).containsExactly("m1", "m2", "m4");
        assertThat(counters.get(BoundedInbound.DROPPED)).isEqualTo(2);
    }

    @Test
    void aHandlerThatThrowsStillFreesItsPlace() {
        BoundedInbound queue = queue(1, m -> {
            throw new IllegalStateException("handler bug");
        });
        queue.offer(message(1));

        assertThatThrownBy(worker::runOne).isInstanceOf(IllegalStateException.class);

        assertThat(queue.pending()).isZero();
        assertThat(queue.offer(message(2))).isTrue();
    }

    @Test
    void aMessageTheWorkerRefusesIsDroppedAndCounted() {
        BoundedInbound queue = queue(10, recording());
        worker.shutDown = true;

        assertThat(queue.offer(message(1))).isFalse();

        assertThat(queue.pending()).isZero();
        assertThat(counters.get(BoundedInbound.DROPPED)).isEqualTo(1);
    }
}
