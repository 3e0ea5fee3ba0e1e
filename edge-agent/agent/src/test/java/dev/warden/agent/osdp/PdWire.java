package dev.warden.agent.osdp;

import dev.warden.codec.osdp.OsdpFrame;
import dev.warden.codec.osdp.OsdpFrameReader;
import dev.warden.codec.osdp.OsdpReadResult;
import dev.warden.codec.osdp.OsdpReply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Test harness: one {@link Peripheral} wired to one {@link FakeReader} without threads or a line, on a hand-moved
 * clock. Each {@link #turn} is what the bus does in one turn of that PD (send, take the matching reply or report
 * none); every frame the CP sent is kept.
 */
final class PdWire {

    final Peripheral pd;
    final FakeReader reader;
    final List<OsdpFrame> sent = new ArrayList<>();
    Instant now;

    PdWire(Peripheral pd, FakeReader reader, Instant start) {
        this.pd = pd;
        this.reader = reader;
        this.now = start;
    }

    static OsdpFrame decode(byte[] bytes) {
        for (OsdpReadResult result : new OsdpFrameReader().feed(bytes)) {
            if (result instanceof OsdpReadResult.Frame(OsdpFrame frame)) {
                return frame;
            }
        }
        throw new IllegalArgumentException("no frame in the bytes");
    }

    /** One turn at the current time (when the PD is due), then the clock moves by {@code step}. */
    void turn(Duration step) {
        if (pd.due(now)) {
            Optional<Peripheral.Outgoing> out = pd.next(now);
            if (out.isPresent()) {
                OsdpFrame command = decode(out.get().bytes());
                sent.add(command);
                Optional<byte[]> answer = reader.handle(command);
                Optional<OsdpFrame> reply = answer.map(PdWire::decode).filter(f -> f.reply()
                        && f.address() == pd.address()
                        && (f.sequence() == out.get().sequence() || f.sequence() == 0 && f.code() == OsdpReply.BUSY));
                if (reply.isPresent()) {
                    pd.onReply(reply.get(), now);
                } else {
                    now = now.plus(OsdpBusSettings.REPLY_TIMEOUT);
                    pd.onNoReply(now);
                }
            }
        }
        now = now.plus(step);
    }

    /**
     * Turns every {@code step} until {@code condition} holds (checked after each turn) or {@code max} has passed;
     * returns the time at which it held, or empty.
     */
    Optional<Instant> runUntil(java.util.function.BooleanSupplier condition, Duration step, Duration max) {
        Instant end = now.plus(max);
        while (now.isBefore(end)) {
            turn(step);
            if (condition.getAsBoolean()) {
                return Optional.of(now);
            }
        }
        return Optional.empty();
    }

    /** Turns every {@code step} until {@code until} has passed. */
    void run(Duration step, Duration until) {
        Instant end = now.plus(until);
        while (now.isBefore(end)) {
            turn(step);
        }
    }
}
