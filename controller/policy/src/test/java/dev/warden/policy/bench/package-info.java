/**
 * JMH benchmarks of the policy core's hot path, run on demand only (see {@code docs/benchmarks.md}).
 *
 * <p>Owns a deterministic, realistic site ({@link dev.warden.policy.bench.RealisticSite}: 10,000 people, 12,000
 * credentials, 200 doors, 20 access levels, 5 weekly schedules in Europe/Berlin) and the benchmarks over it:
 * {@link dev.warden.policy.bench.DecisionLatencyBenchmark} and {@link dev.warden.policy.bench.DecisionThroughputBenchmark}
 * ({@code AccessPolicy.decide}), {@link dev.warden.policy.bench.EngineDecisionBenchmark} ({@code AccessEngine.decide},
 * rules 1–13 with presence) and {@link dev.warden.policy.bench.SnapshotRebuildBenchmark}
 * ({@code AccessSnapshot.of}). Classes named {@code *Benchmark} are never run by surefire; only
 * {@code RealisticSiteTest}, which checks the site and the requests the benchmarks rely on, is.
 *
 * <p>Uses only the public API of {@code dev.warden.policy}, as the controller does.
 */
package dev.warden.policy.bench;
