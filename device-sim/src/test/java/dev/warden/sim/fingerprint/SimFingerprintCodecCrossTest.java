package dev.warden.sim.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.codec.fingerprint.FingerprintCommand;
import dev.warden.codec.fingerprint.FingerprintCommandCodec;
import dev.warden.codec.fingerprint.FingerprintDecoding;
import dev.warden.codec.fingerprint.FingerprintReply;
import dev.warden.codec.fingerprint.FingerprintReplyCodec;
import dev.warden.codec.fingerprint.FingerprintStreamDecoder;
import dev.warden.codec.fingerprint.StreamEvent;
import dev.warden.serial.MemoryCable;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Verifies that the agent's codec and the simulator's independent packet code agree: seeded random command
 * sequences encoded by the codec are answered by the simulated module with acknowledgements the codec decodes
 * without a rejection, and the results match the module's state.
 */
class SimFingerprintCodecCrossTest {

    private static final long ADDRESS = 0x0000_00A5L;
    private static final long PASSWORD = 0x5EC2_E7L;

    private final SimFingerprintModule module = new SimFingerprintModule("fp-x", ADDRESS, PASSWORD);
    private final MemoryCable line = MemoryCable.create("fp-x");
    private final SimFingerprintLine served = SimFingerprintLine.serve("fp-x", line.device(), List.of(module));
    private final RawHost host = new RawHost(line.host());
    private final FingerprintStreamDecoder decoder = new FingerprintStreamDecoder();

    @AfterEach
    void stop() {
        served.close();
    }

    private FingerprintReply ask(FingerprintCommand command) throws Exception {
        line.host().write(FingerprintCommandCodec.encode(ADDRESS, command));
        byte[] frame = host.readFrame(Duration.ofSeconds(1));
        List<StreamEvent> events = decoder.feed(frame);
        assertThat(events).as("reply to %s", command).singleElement().isInstanceOf(StreamEvent.Packet.class);
        var packet = ((StreamEvent.Packet) events.getFirst()).packet();
        assertThat(packet.address()).isEqualTo(ADDRESS);
        FingerprintDecoding<FingerprintReply> decoded = FingerprintReplyCodec.decode(command, packet);
        assertThat(decoded).as("reply to %s", command).isInstanceOf(FingerprintDecoding.Ok.class);
        return ((FingerprintDecoding.Ok<FingerprintReply>) decoded).value();
    }

    @Test
    void randomCommandSequencesAreAnsweredWithRepliesTheCodecAccepts() throws Exception {
        Random random = new Random(424_242L);
        String[] fingers = {"ann", "ben", "cat", "dan"};
        module.enroll(0, "ann");
        module.enroll(17, "ben");
        assertThat(ask(new FingerprintCommand.TemplateNum()).codeByte()).isEqualTo(0x21);
        assertThat(ask(new FingerprintCommand.VfyPwd(PASSWORD)).ok()).isTrue();
        for (int i = 0; i < 400; i++) {
            if (random.nextInt(4) == 0) {
                module.placeFinger(fingers[random.nextInt(fingers.length)]);
            } else if (random.nextInt(8) == 0) {
                module.liftFinger();
            }
            FingerprintCommand command = switch (random.nextInt(10)) {
                case 0 -> new FingerprintCommand.GenImg();
                case 1 -> new FingerprintCommand.Img2Tz(1 + random.nextInt(2));
                case 2 -> new FingerprintCommand.Search(1 + random.nextInt(2), 0, 1000);
                case 3 -> new FingerprintCommand.RegModel();
                case 4 -> new FingerprintCommand.Store(1 + random.nextInt(2), random.nextInt(1100));
                case 5 -> new FingerprintCommand.DeletChar(random.nextInt(1000), 1 + random.nextInt(3));
                case 6 -> new FingerprintCommand.TemplateNum();
                case 7 -> new FingerprintCommand.ReadSysPara();
                case 8 -> new FingerprintCommand.Match();
                default -> new FingerprintCommand.HandShake();
            };
            FingerprintReply reply = ask(command);
            switch (reply) {
                case FingerprintReply.TemplateCount count when count.ok() ->
                        assertThat(count.count()).isEqualTo(module.enrolled().size());
                case FingerprintReply.SearchResult found when found.ok() -> {
                    assertThat(module.enrolled()).containsKey(found.pageId());
                    assertThat(found.score())
                            .isEqualTo(SimFingerprintModule.scoreFor(module.enrolled().get(found.pageId())));
                }
                case FingerprintReply.SystemParameters parameters -> {
                    assertThat(parameters.librarySize()).isEqualTo(SimFingerprintModule.LIBRARY_SIZE);
                    assertThat(parameters.deviceAddress()).isEqualTo(ADDRESS);
                    assertThat(parameters.packetSize()).isEqualTo(128);
                }
                default -> assertThat(reply.code().name()).isNotEqualTo("UNDOCUMENTED");
            }
        }
    }
}
