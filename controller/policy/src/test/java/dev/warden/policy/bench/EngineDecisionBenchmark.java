package dev.warden.policy.bench;

import dev.warden.policy.AccessEngine;
import dev.warden.policy.AccessPolicy;
import dev.warden.policy.AccessRequest;
import dev.warden.policy.AccessResult;
import dev.warden.policy.AccessSnapshot;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full decision, {@link AccessEngine#decide} (rules 1–13, presence and signals), on the {@link RealisticSite}
 * with its areas ({@link RealisticSite#engineSnapshot}), as average time per decision in nanoseconds. Compare with
 * {@link DecisionLatencyBenchmark} ({@code AccessPolicy.decide} alone) for the cost of the stateful rules.
 *
 * <ul>
 *   <li>{@link #grantInsideSchedule} — the same grant again and again: after the first, the person is believed inside
 *       and, where the area has SOFT anti-passback, each grant also signals;</li>
 *   <li>{@link #mixedWorkload} — the 4,096 mixed requests of {@link RealisticSite#mixedRequests}, the next one per
 *       invocation, through one engine whose presence fills up as it goes (one engine per benchmark thread: the
 *       engine is not thread-safe).</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class EngineDecisionBenchmark {

    private static final int MASK = RealisticSite.MIXED_REQUESTS - 1;

    private AccessEngine engine;
    private AccessSnapshot snapshot;
    private AccessRequest grant;
    private AccessRequest[] mixed;
    private int cursor;

    @Setup(Level.Trial)
    public void buildSite() {
        RealisticSite site = RealisticSite.generate(RealisticSite.SEED);
        snapshot = site.engineSnapshot(1);
        grant = site.grantInsideSchedule(snapshot, new AccessPolicy());
        List<AccessRequest> list = site.mixedRequests(RealisticSite.SEED + 1, RealisticSite.MIXED_REQUESTS);
        mixed = list.toArray(AccessRequest[]::new);
        engine = new AccessEngine();
        cursor = 0;
        if (!engine.decide(grant, snapshot).decision().granted()) {
            throw new IllegalStateException("the grant request is not granted by the engine");
        }
    }

    @Benchmark
    public AccessResult grantInsideSchedule() {
        return engine.decide(grant, snapshot);
    }

    @Benchmark
    public AccessResult mixedWorkload() {
        return engine.decide(mixed[cursor++ & MASK], snapshot);
    }
}
