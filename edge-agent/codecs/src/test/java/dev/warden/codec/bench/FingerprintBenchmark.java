package dev.warden.codec.bench;

import dev.warden.codec.fingerprint.FingerprintCommand;
import dev.warden.codec.fingerprint.FingerprintDecoding;
import dev.warden.codec.fingerprint.FingerprintReply;
import dev.warden.codec.fingerprint.FingerprintStreamDecoder;
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
 * The fingerprint module's answer to a library search (acknowledgement packet, 16 bytes, in one read) through a
 * long-lived {@link FingerprintStreamDecoder} and decoded as a search result, as average time in nanoseconds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class FingerprintBenchmark {

    private FingerprintCommand sent;
    private byte[] wire;
    private byte[] readBuffer;
    private FingerprintStreamDecoder decoder;

    @Setup(Level.Trial)
    public void setUp() {
        sent = DeviceFrames.FINGER_SEARCH;
        wire = DeviceFrames.searchAckWire();
        readBuffer = new byte[256];
        decoder = new FingerprintStreamDecoder();
        if (!(searchAck() instanceof FingerprintDecoding.Ok<FingerprintReply>(FingerprintReply.SearchResult result))
                || result.pageId() != DeviceFrames.FINGER_PAGE) {
            throw new IllegalStateException("the benchmark acknowledgement is not a match: " + searchAck());
        }
    }

    @Benchmark
    public FingerprintDecoding<FingerprintReply> searchAck() {
        return DevicePaths.readAck(decoder, sent, wire, readBuffer);
    }
}
