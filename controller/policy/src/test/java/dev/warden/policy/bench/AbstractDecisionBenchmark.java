package dev.warden.policy.bench;

import dev.warden.policy.AccessPolicy;
import dev.warden.policy.AccessRequest;
import dev.warden.policy.AccessSnapshot;
import dev.warden.policy.Decision;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The decision hot path, {@link AccessPolicy#decide}, on the {@link RealisticSite} snapshot. The two concrete
 * subclasses run these same methods in two modes: {@link DecisionLatencyBenchmark} (average time, ns/op) and
 * {@link DecisionThroughputBenchmark} (ops/s).
 *
 * <ul>
 *   <li>{@link #grantInsideSchedule} — a grant on Wednesday 10:00 that walks all four of the holder's
 *       assignments (the door is only in the last level);</li>
 *   <li>{@link #denyUnknownCredential} — a card the site never issued (stops at rule 2);</li>
 *   <li>{@link #denyOutsideSchedule} — Sunday 03:00, a holder with four assignments at a door their levels cover
 *       but no schedule opens (walks every assignment);</li>
 *   <li>{@link #mixedWorkload} — 4,096 pre-generated requests over one week, the next one per invocation.</li>
 * </ul>
 * Each request is checked at setup to end as its name says; the set-up fails otherwise.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public abstract class AbstractDecisionBenchmark {

    private AccessPolicy policy;
    private AccessSnapshot snapshot;
    private AccessRequest grant;
    private AccessRequest unknownCredential;
    private AccessRequest outsideSchedule;

    @Setup(Level.Trial)
    public void buildSite() {
        RealisticSite site = RealisticSite.generate(RealisticSite.SEED);
        policy = new AccessPolicy();
        snapshot = site.snapshot(1);
        grant = site.grantInsideSchedule(snapshot, policy);
        unknownCredential = site.denyUnknownCredential();
        outsideSchedule = site.denyOutsideSchedule(snapshot, policy);
    }

    @Benchmark
    public Decision grantInsideSchedule() {
        return policy.decide(grant, snapshot);
    }

    @Benchmark
    public Decision denyUnknownCredential() {
        return policy.decide(unknownCredential, snapshot);
    }

    @Benchmark
    public Decision denyOutsideSchedule() {
        return policy.decide(outsideSchedule, snapshot);
    }

    @Benchmark
    public Decision mixedWorkload(MixedWorkload workload) {
        return policy.decide(workload.next(), snapshot);
    }

    /** The mixed requests of {@link RealisticSite#mixedRequests} and a cursor, one per benchmark thread. */
    @State(Scope.Thread)
    public static class MixedWorkload {

        private static final int MASK = RealisticSite.MIXED_REQUESTS - 1;

        private AccessRequest[] requests;
        private int cursor;

        @Setup(Level.Trial)
        public void generate() {
            RealisticSite site = RealisticSite.generate(RealisticSite.SEED);
            List<AccessRequest> list = site.mixedRequests(RealisticSite.SEED + 1, RealisticSite.MIXED_REQUESTS);
            requests = list.toArray(AccessRequest[]::new);
            cursor = 0;
            // One line in the JMH log, so that every result states the mix it was measured on.
            System.out.println("# Mixed workload outcomes (of " + requests.length + "): "
                    + RealisticSite.outcomeMix(list, site.snapshot(1), new AccessPolicy()));
        }

        AccessRequest next() {
            return requests[cursor++ & MASK];
        }
    }
}
