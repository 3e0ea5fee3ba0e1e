package dev.warden.agent.osdp;

import dev.warden.agent.testing.RecordingDeviceEvents;
import dev.warden.serial.LinkOpener;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Test fixtures for the OSDP bus: short timings, key stores, bus construction. */
final class OsdpTestBus {

    /** 40 ms reply timeout, offline after 600 ms, 5 ms poll pacing, 3 retries, 100 ms offline probes. */
    static final OsdpTimings FAST = new OsdpTimings(Duration.ofMillis(40), Duration.ofMillis(600), Duration.ofMillis(5), 3,
            Duration.ofMillis(100), Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(2));

    static final byte[] KEY_A = hex("00112233445566778899aabbccddeeff");
    static final byte[] KEY_B = hex("f0e1d2c3b4a5968778695a4b3c2d1e0f");

    /** H10301, facility 1, card 1234 (PROTOCOLS.md vector 80826900, first 26 bits). */
    static final String CARD_1234 = "10000000100000100110100100";
    static final String CARD_OTHER = "01111111011111011001011011";

    private OsdpTestBus() {}

    static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s);
    }

    /** A key store that counts its lookups. */
    static final class Keys implements ReaderKeys {
        final Map<String, byte[]> keys = new ConcurrentHashMap<>();
        final AtomicInteger lookups = new AtomicInteger();

        Keys with(String readerId, byte[] key) {
            keys.put(readerId, key.clone());
            return this;
        }

        @Override
        public Optional<byte[]> scbk(String readerId) {
            lookups.incrementAndGet();
            return Optional.ofNullable(keys.get(readerId)).map(byte[]::clone);
        }
    }

    static OsdpBus start(LinkOpener line, RecordingDeviceEvents events, ReaderKeys keys, boolean secure,
            OsdpTimings timings, OsdpReaderSettings... readers) {
        return OsdpBus.start(new OsdpBusSettings("test", secure, List.of(readers)), line, events, keys,
                Clock.systemUTC(), timings);
    }
}
