package dev.warden.policy.bench;

import dev.warden.policy.AccessSnapshot;
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
 * {@link AccessSnapshot#of} over the whole {@link RealisticSite}: the cost the controller pays on every committed
 * change (docs/decisions/001-snapshot-index-on-the-hot-path.md), as average time per rebuild in microseconds.
 * Reading the rows from the database is not included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class SnapshotRebuildBenchmark {

    private RealisticSite site;
    private long version;

    @Setup(Level.Trial)
    public void generate() {
        site = RealisticSite.generate(RealisticSite.SEED);
        version = 0;
    }

    @Benchmark
    public AccessSnapshot rebuild() {
        return site.snapshot(++version);
    }
}
