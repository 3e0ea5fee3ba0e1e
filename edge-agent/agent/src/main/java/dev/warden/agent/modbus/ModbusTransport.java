package dev.warden.agent.modbus;

import dev.warden.codec.modbus.ModbusRequest;
import dev.warden.codec.modbus.ModbusResponse;
import dev.warden.codec.modbus.ModbusResponseDecoder;
import dev.warden.codec.modbus.ModbusRtu;
import dev.warden.codec.modbus.ResponseResult;
import dev.warden.serial.SerialLink;
import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request/reply exchange on an open line, with the RTU timing: waits the inter-frame silence since the last
 * byte on the line, clears stale input, sends, and reads until the reply is complete (its length is known from the
 * request), rejected, or the reply timeout passes; retries a timed-out or corrupt exchange. Used by the bus thread
 * only. A {@link dev.warden.serial.LinkDownException} (or any other I/O failure of the line) propagates.
 */
final class ModbusTransport {

    private static final Logger LOG = LoggerFactory.getLogger(ModbusTransport.class);
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    /** The result of one exchange. */
    sealed interface Outcome {
        /** The device answered (a normal or an exception response). */
        record Answer(ModbusResponse response) implements Outcome {}

        /** No usable answer after every attempt: {@code reason} is NO_REPLY or BAD_REPLY. */
        record Failure(String reason, String detail) implements Outcome {}
    }

    static final String NO_REPLY = "NO_REPLY";
    static final String BAD_REPLY = "BAD_REPLY";

    private final SerialLink link;
    private final ModbusTiming timing;
    private final BusCounters counters;
    private final long silenceNanos;
    private final byte[] reply = new byte[ModbusRtu.MAX_FRAME + 16];
    private final byte[] chunk = new byte[ModbusRtu.MAX_FRAME + 16];
    private long lastActivity;

    ModbusTransport(SerialLink link, ModbusTiming timing, BusCounters counters) {
        this.link = link;
        this.timing = timing;
        this.counters = counters;
        this.silenceNanos = timing.interFrameSilence().toNanos();
        this.lastActivity = System.nanoTime() - silenceNanos;
    }

    /** Sends {@code request} up to {@code 1 + retries} times until it is answered. */
    Outcome exchange(ModbusRequest request, int retries) throws IOException {
        byte[] frame = ModbusRtu.encode(request);
        Outcome.Failure failure = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            awaitSilence();
            link.discardInput();
            link.write(frame);
            lastActivity = System.nanoTime();
            counters.requests.increment();
            Outcome outcome = readReply(request);
            if (outcome instanceof Outcome.Answer) {
                counters.answers.increment();
                return outcome;
            }
            failure = (Outcome.Failure) outcome;
            LOG.debug("{}: unit {} fn {} attempt {}: {} ({})", link.describe(), request.unitId(),
                    request.function(), attempt + 1, failure.reason(), failure.detail());
        }
        return failure;
    }

    private Outcome readReply(ModbusRequest request) throws IOException {
        long deadline = System.nanoTime() + timing.replyTimeout().toNanos();
        int length = 0;
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                if (length == 0) {
                    counters.timeouts.increment();
                    return new Outcome.Failure(NO_REPLY, "no reply within " + timing.replyTimeout().toMillis() + " ms");
                }
                counters.badReplies.increment();
                return new Outcome.Failure(BAD_REPLY, "truncated reply: " + length + " bytes " + shown(length));
            }
            int n = link.read(chunk, java.time.Duration.ofNanos(remaining));
            if (n <= 0) {
                continue;
            }
            lastActivity = System.nanoTime();
            if (length + n > reply.length) {
                counters.badReplies.increment();
                drain();
                return new Outcome.Failure(BAD_REPLY, "reply longer than any frame");
            }
            System.arraycopy(chunk, 0, reply, length, n);
            length += n;
            switch (ModbusResponseDecoder.decode(request, reply, length)) {
                case ResponseResult.Accepted accepted -> {
                    return new Outcome.Answer(accepted.response());
                }
                case ResponseResult.Incomplete incomplete -> {
                    // keep reading until the frame is complete or the deadline passes
                }
                case ResponseResult.Rejected rejected -> {
                    counters.badReplies.increment();
                    String detail = rejected.reason() + ": " + rejected.detail() + " " + shown(length);
                    drain();
                    return new Outcome.Failure(BAD_REPLY, detail);
                }
            }
        }
    }

    /** After a bad reply: waits until the line is quiet (bounded), then drops what arrived. */
    private void drain() throws IOException {
        long until = System.nanoTime() + timing.replyTimeout().toNanos();
        java.time.Duration quiet = timing.drainQuiet();
        while (System.nanoTime() < until) {
            if (link.read(chunk, quiet) <= 0) {
                break;
            }
            lastActivity = System.nanoTime();
        }
        link.discardInput();
    }

    private void awaitSilence() {
        long wait;
        while ((wait = lastActivity + silenceNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** The first bytes of the reply, for logs. */
    private String shown(int length) {
        int n = Math.min(length, 12);
        return "[" + HEX.formatHex(Arrays.copyOf(reply, n)) + (length > n ? " …" : "") + "]";
    }
}
