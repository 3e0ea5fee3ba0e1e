/**
 * JMH benchmarks of the edge agent's hot protocol code, run on demand only (see {@code docs/benchmarks.md}, section
 * "Device codecs (edge agent)").
 *
 * <p>Owns the frames the benchmarks decode ({@link dev.warden.codec.bench.DeviceFrames}: an OSDP RAW card reply in
 * plaintext and under Secure Channel, an outgoing POLL, Wiegand 26- and 35-bit frames, a Modbus read-input-registers
 * request and reply, a fingerprint search acknowledgement, all built with the codecs' own encoders) and the one
 * operation per benchmark ({@link dev.warden.codec.bench.DevicePaths}: bytes in, typed result out, as a bus driver
 * does it). Classes named {@code *Benchmark} are never run by surefire; only {@code DevicePathsTest}, which checks
 * that every benchmark's operation ends as its name says, is.
 *
 * <p>Uses only the public API of {@code dev.warden.codec}, as the agent does.
 */
package dev.warden.codec.bench;
