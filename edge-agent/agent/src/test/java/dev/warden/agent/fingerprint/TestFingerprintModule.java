package dev.warden.agent.fingerprint;

import dev.warden.codec.fingerprint.FingerprintCommand;
import dev.warden.codec.fingerprint.FingerprintCommandCodec;
import dev.warden.codec.fingerprint.FingerprintDecoding;
import dev.warden.codec.fingerprint.FingerprintReply;
import dev.warden.codec.fingerprint.FingerprintReplyCodec;
import dev.warden.codec.fingerprint.FingerprintStreamDecoder;
import dev.warden.codec.fingerprint.StreamEvent;
import dev.warden.serial.SerialLink;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-side fingerprint module (device side of the protocol, through the codec) for the driver tests over an
 * in-memory line: a library of page → finger label, a finger that stays until lifted, password verification, and
 * switches to go silent or to send garbage before each reply. The simulator's module is tested against the driver
 * in device-sim; this one keeps the agent's tests free of it.
 */
final class TestFingerprintModule {

    static final int LIBRARY_SIZE = 200;

    final long address;
    private final long password;
    private final TreeMap<Integer, String> library = new TreeMap<>();
    private final String[] buffers = new String[3];
    private boolean verified;
    private String finger;
    private String image;
    volatile boolean silent;
    volatile boolean garbageBeforeReplies;
    final AtomicInteger captures = new AtomicInteger();
    final AtomicInteger noFingerAnswers = new AtomicInteger();
    final AtomicInteger passwordChecks = new AtomicInteger();
    /** Img2Tz commands: images turned into a template. */
    final AtomicInteger templates = new AtomicInteger();
    /** Search commands. */
    final AtomicInteger searches = new AtomicInteger();

    TestFingerprintModule(long address, long password) {
        this.address = address;
        this.password = password;
    }

    synchronized TestFingerprintModule enroll(int page, String label) {
        library.put(page, label);
        return this;
    }

    synchronized Map<Integer, String> library() {
        return Map.copyOf(library);
    }

    synchronized void placeFinger(String label) {
        finger = label;
    }

    synchronized void liftFinger() {
        finger = null;
    }

    static int scoreOf(String label) {
        return 50 + Math.floorMod(label.hashCode(), 151);
    }

    /** Answers on {@code link} for {@code modules} until the line goes down. */
    static Thread serve(SerialLink link, List<TestFingerprintModule> modules) {
        Thread thread = new Thread(() -> {
            FingerprintStreamDecoder decoder = new FingerprintStreamDecoder();
            byte[] buffer = new byte[256];
            try {
                while (true) {
                    int n = link.read(buffer, Duration.ofMillis(200));
                    for (StreamEvent event : decoder.feed(buffer, 0, n)) {
                        if (event instanceof StreamEvent.Packet(var packet)) {
                            for (TestFingerprintModule module : modules) {
                                if (module.address == packet.address() && !module.silent) {
                                    FingerprintReply reply = switch (FingerprintCommandCodec.decode(packet)) {
                                        case FingerprintDecoding.Ok<FingerprintCommand> ok -> module.answer(ok.value());
                                        case FingerprintDecoding.Rejected<FingerprintCommand> r ->
                                                new FingerprintReply.Status(0x01);
                                    };
                                    if (module.garbageBeforeReplies) {
                                        link.write(new byte[] {0x55, (byte) 0xEF, 0x00, 0x13, (byte) 0xEF, 0x01});
                                    }
                                    link.write(FingerprintReplyCodec.encode(module.address, reply));
                                }
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // the line went down: this serving ends, the module keeps its state
            }
        }, "test-fingerprint-module");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    synchronized FingerprintReply answer(FingerprintCommand command) {
        if (!verified && !(command instanceof FingerprintCommand.VfyPwd)
                && !(command instanceof FingerprintCommand.HandShake)) {
            return new FingerprintReply.Status(0x21);
        }
        return switch (command) {
            case FingerprintCommand.VfyPwd v -> {
                passwordChecks.incrementAndGet();
                verified = v.password() == password;
                yield new FingerprintReply.Status(verified ? 0x00 : 0x13);
            }
            case FingerprintCommand.HandShake h -> new FingerprintReply.Status(0x00);
            case FingerprintCommand.GenImg g -> {
                captures.incrementAndGet();
                image = finger;
                if (finger == null) {
                    noFingerAnswers.incrementAndGet();
                }
                yield new FingerprintReply.Status(finger == null ? 0x02 : 0x00);
            }
            case FingerprintCommand.Img2Tz t -> {
                templates.incrementAndGet();
                buffers[t.buffer()] = image;
                yield new FingerprintReply.Status(image == null ? 0x15 : 0x00);
            }
            case FingerprintCommand.Search s -> {
                searches.incrementAndGet();
                String label = buffers[s.buffer()];
                for (var page : library.subMap(s.startPage(), s.startPage() + s.pageCount()).entrySet()) {
                    if (page.getValue().equals(label)) {
                        yield new FingerprintReply.SearchResult(0x00, page.getKey(), scoreOf(label));
                    }
                }
                yield new FingerprintReply.SearchResult(0x09, 0, 0);
            }
            case FingerprintCommand.RegModel r -> {
                boolean same = buffers[1] != null && buffers[1].equals(buffers[2]);
                yield new FingerprintReply.Status(same ? 0x00 : 0x0A);
            }
            case FingerprintCommand.Store s -> {
                if (s.pageId() >= LIBRARY_SIZE) {
                    yield new FingerprintReply.Status(0x0B);
                }
                library.put(s.pageId(), buffers[s.buffer()]);
                yield new FingerprintReply.Status(0x00);
            }
            case FingerprintCommand.DeletChar d -> {
                library.subMap(d.pageId(), d.pageId() + d.count()).clear();
                yield new FingerprintReply.Status(0x00);
            }
            case FingerprintCommand.Empty e -> {
                library.clear();
                yield new FingerprintReply.Status(0x00);
            }
            case FingerprintCommand.TemplateNum t -> new FingerprintReply.TemplateCount(0x00, library.size());
            case FingerprintCommand.ReadSysPara p ->
                    new FingerprintReply.SystemParameters(0x00, 0, 0, LIBRARY_SIZE, 3, address, 2, 6);
            case FingerprintCommand.Match m -> new FingerprintReply.Status(0x01);
        };
    }
}
