package dev.warden.codec.bench;

import dev.warden.codec.osdp.OsdpDecoded;
import dev.warden.codec.osdp.OsdpFrameReader;
import dev.warden.codec.osdp.OsdpReply;
import dev.warden.codec.osdp.OsdpSecureSession;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The control panel's OSDP hot path, as average time per frame in nanoseconds:
 *
 * <ul>
 *   <li>{@link #plaintextRawReply} — a RAW card reply (Wiegand 26 bits, CRC-16, 17 bytes with the mark) through
 *       {@link OsdpFrameReader} and the message decoder, delivered whole, in 8-byte reads or byte by byte;</li>
 *   <li>{@link #secureRawReply} — the same reply under Secure Channel (SCS_18, 31 bytes): frame, MAC verified, data
 *       decrypted, message decoded, in an established session;</li>
 *   <li>{@link #securePoll} — the next POLL sealed (SCS_15, MAC chained) and encoded for the line.</li>
 * </ul>
 * Each state holds what one bus thread holds: one long-lived reader, one read buffer, one session.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
public class OsdpBenchmark {

    /** Bytes per read: {@code whole} = the frame in one read. */
    static int chunkBytes(String chunk, byte[] wire) {
        return "whole".equals(chunk) ? wire.length : Integer.parseInt(chunk);
    }

    /** A plaintext RAW reply and the bus's reader. */
    @State(Scope.Thread)
    public static class PlaintextReply {

        /** How the serial reads deliver the frame: whole, 8 bytes per read (a small UART FIFO), byte by byte. */
        @Param({"whole", "8", "1"})
        public String chunk;

        byte[] wire;
        byte[] readBuffer;
        OsdpFrameReader reader;
        int chunkBytes;

        @Setup(Level.Trial)
        public void setUp() {
            wire = DeviceFrames.plaintextRawReplyWire();
            readBuffer = new byte[256];
            reader = new OsdpFrameReader();
            chunkBytes = chunkBytes(chunk, wire);
            requireCard(DevicePaths.readReply(reader, wire, readBuffer, chunkBytes));
        }
    }

    /** A RAW reply sealed by the PD, and the CP session that expects it. */
    @State(Scope.Thread)
    public static class SecureReply {

        /** How the serial reads deliver the frame: whole, or 8 bytes per read. */
        @Param({"whole", "8"})
        public String chunk;

        byte[] wire;
        byte[] readBuffer;
        OsdpFrameReader reader;
        OsdpSecureSession cp;
        int chunkBytes;

        @Setup(Level.Trial)
        public void setUp() {
            DeviceFrames.SecureChannel channel = DeviceFrames.establish(new Random(DeviceFrames.SEED));
            wire = DeviceFrames.secureRawReplyWire(channel);
            cp = channel.cp();
            readBuffer = new byte[256];
            reader = new OsdpFrameReader();
            chunkBytes = chunkBytes(chunk, wire);
            // Opening does not move the CP's last command MAC, which the reply's MAC chains on: the same reply opens
            // on every invocation with the full cost (MAC computed and compared, data decrypted).
            requireCard(DevicePaths.openReply(cp, reader, wire, readBuffer, chunkBytes));
        }
    }

    /** An established CP session and the sequence number of the next POLL. */
    @State(Scope.Thread)
    public static class OutgoingPoll {

        OsdpSecureSession cp;
        int sequence;

        @Setup(Level.Trial)
        public void setUp() {
            cp = DeviceFrames.establish(new Random(DeviceFrames.SEED)).cp();
            sequence = 1;
        }

        int nextSequence() {
            int current = sequence;
            sequence = current == 3 ? 1 : current + 1;
            return current;
        }
    }

    @Benchmark
    public OsdpDecoded<OsdpReply> plaintextRawReply(PlaintextReply s) {
        return DevicePaths.readReply(s.reader, s.wire, s.readBuffer, s.chunkBytes);
    }

    @Benchmark
    public OsdpDecoded<OsdpReply> secureRawReply(SecureReply s) {
        return DevicePaths.openReply(s.cp, s.reader, s.wire, s.readBuffer, s.chunkBytes);
    }

    @Benchmark
    public byte[] securePoll(OutgoingPoll s) {
        return DevicePaths.sealPoll(s.cp, DeviceFrames.OSDP_ADDRESS, s.nextSequence());
    }

    private static void requireCard(OsdpDecoded<OsdpReply> decoded) {
        if (!(decoded instanceof OsdpDecoded.Ok<OsdpReply>(OsdpReply.RawCard card))
                || !card.bits().equals(DeviceFrames.h10301Bits())) {
            throw new IllegalStateException("the benchmark reply does not decode to the card: " + decoded);
        }
    }
}
