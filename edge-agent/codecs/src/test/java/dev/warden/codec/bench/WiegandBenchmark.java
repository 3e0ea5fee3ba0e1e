package dev.warden.codec.bench;

import dev.warden.codec.wiegand.WiegandDecoder;
import dev.warden.codec.wiegand.WiegandResult;
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
 * Wiegand decoding with the standard formats, as average time per frame in nanoseconds: a 26-bit H10301 frame (two
 * parity checks) and a 35-bit CORP1000 frame (three), each from a RAW reply's packed bytes (bits unpacked, then
 * decoded: the agent's path) and from bits alone (the decoder only).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class WiegandBenchmark {

    private WiegandDecoder decoder;
    private String h10301Bits;
    private String corp1000Bits;
    private byte[] h10301Packed;
    private byte[] corp1000Packed;

    @Setup(Level.Trial)
    public void setUp() {
        decoder = new WiegandDecoder();
        h10301Bits = DeviceFrames.h10301Bits();
        corp1000Bits = DeviceFrames.corp1000Bits();
        h10301Packed = DeviceFrames.packed(h10301Bits);
        corp1000Packed = DeviceFrames.packed(corp1000Bits);
        requireDecoded(h10301Raw(), DeviceFrames.H10301_FACILITY, DeviceFrames.H10301_CARD);
        requireDecoded(corp1000Raw(), DeviceFrames.CORP1000_COMPANY, DeviceFrames.CORP1000_CARD);
    }

    @Benchmark
    public WiegandResult h10301Raw() {
        return DevicePaths.decodeRaw(decoder, h10301Packed, 26);
    }

    @Benchmark
    public WiegandResult corp1000Raw() {
        return DevicePaths.decodeRaw(decoder, corp1000Packed, 35);
    }

    @Benchmark
    public WiegandResult h10301Bits() {
        return DevicePaths.decodeBits(decoder, h10301Bits);
    }

    @Benchmark
    public WiegandResult corp1000Bits() {
        return DevicePaths.decodeBits(decoder, corp1000Bits);
    }

    private static void requireDecoded(WiegandResult result, long facility, long card) {
        if (!(result instanceof WiegandResult.Decoded(String format, long f, long n)) || f != facility || n != card) {
            throw new IllegalStateException("the benchmark frame does not decode to its card: " + result);
        }
    }
}
