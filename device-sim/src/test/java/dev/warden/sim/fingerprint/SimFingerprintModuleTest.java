package dev.warden.sim.fingerprint;

import static dev.warden.sim.fingerprint.RawHost.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.serial.MemoryCable;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Verifies the simulated fingerprint module against literal frames (PROTOCOLS.md's and ones laid out field by field
 * from the datasheet format), written by a raw-bytes host over an in-memory line: password gate, capture, search,
 * enrol, delete, faults, and replug.
 */
class SimFingerprintModuleTest {

    // frames from the host; address ffffffff; checksum = packet id + length bytes + payload
    private static final String VFY_PWD_0 = "ef01 ffffffff 01 0007 13 00000000 001b";
    private static final String GEN_IMG = "ef01 ffffffff 01 0003 01 0005";
    private static final String IMG2TZ_1 = "ef01 ffffffff 01 0004 02 01 0008";
    private static final String IMG2TZ_2 = "ef01 ffffffff 01 0004 02 02 0009";
    private static final String SEARCH_1_0_1000 = "ef01 ffffffff 01 0008 04 01 0000 03e8 00f9";
    private static final String REG_MODEL = "ef01 ffffffff 01 0003 05 0009";
    private static final String STORE_1_AT_5 = "ef01 ffffffff 01 0006 06 01 0005 0013";
    private static final String TEMPLATE_NUM = "ef01 ffffffff 01 0003 1d 0021";
    private static final String OK = "ef01ffffffff07000300000a";

    private final SimFingerprintModule module = new SimFingerprintModule("fp-a", 0xFFFF_FFFFL, 0);
    private final MemoryCable line = MemoryCable.create("fp-1");
    private SimFingerprintLine served;
    private RawHost host;

    private void serve() {
        served = SimFingerprintLine.serve("fp-1", line.device(), List.of(module));
        host = new RawHost(line.host());
    }

    @AfterEach
    void stop() {
        if (served != null) {
            served.close();
        }
    }

    @Test
    void answersThePublishedVfyPwdFrameWithThePublishedAck() throws Exception {
        serve();
        assertThat(host.ask(VFY_PWD_0)).isEqualTo(OK);
        assertThat(module.passwordVerified()).isTrue();
    }

    @Test
    void refusesInstructionsUntilThePasswordIsVerifiedExceptHandShake() throws Exception {
        SimFingerprintModule locked = new SimFingerprintModule("fp-b", 0xFFFF_FFFFL, 0x0A0B_0C0DL);
        served = SimFingerprintLine.serve("fp-1", line.device(), List.of(locked));
        host = new RawHost(line.host());
        // code 21 password must be verified: 07+03+21 = 2b
        assertThat(host.ask(GEN_IMG)).isEqualTo("ef01ffffffff070003210" + "02b");
        // HandShake 17 00 is answered without a password
        assertThat(host.ask("ef01 ffffffff 01 0004 17 00 001c")).isEqualTo(OK);
        // wrong password 00000000: code 13 (07+03+13 = 1d)
        assertThat(host.ask(VFY_PWD_0)).isEqualTo("ef01ffffffff0700031300" + "1d");
        // right password 0a0b0c0d: 01+07+13+0a+0b+0c+0d = 49
        assertThat(host.ask("ef01 ffffffff 01 0007 13 0a0b0c0d 0049")).isEqualTo(OK);
        assertThat(host.ask(GEN_IMG)).isEqualTo("ef01ffffffff07000302000c"); // no finger
    }

    @Test
    void capturesAPlacedFingerAndFindsItsPageWithAFixedScore() throws Exception {
        module.enroll(5, "alice");
        serve();
        host.ask(VFY_PWD_0);
        assertThat(host.ask(GEN_IMG)).isEqualTo("ef01ffffffff07000302000c"); // 02 no finger
        module.placeFinger("alice");
        assertThat(host.ask(GEN_IMG)).isEqualTo(OK);
        assertThat(host.ask(IMG2TZ_1)).isEqualTo(OK);
        int score = SimFingerprintModule.scoreFor("alice");
        assertThat(score).isBetween(50, 200);
        int checksum = 0x07 + 0x07 + 0x05 + (score >> 8) + (score & 0xFF);
        // code 00, page 0005, score
        assertThat(host.ask(SEARCH_1_0_1000))
                .isEqualTo(String.format("ef01ffffffff070007000005%04x%04x", score, checksum));
        assertThat(host.ask(SEARCH_1_0_1000)).as("deterministic").endsWith(String.format("%04x", checksum));
    }

    @Test
    void anUnknownFingerIsNotFoundAndASearchWithoutATemplateHasNoValidImage() throws Exception {
        module.enroll(5, "alice");
        serve();
        host.ask(VFY_PWD_0);
        // no template in buffer 1 yet: code 15, zeros (07+07+15 = 23)
        assertThat(host.ask(SEARCH_1_0_1000)).isEqualTo("ef01ffffffff070007150000000000" + "23");
        module.placeFinger("mallory");
        host.ask(GEN_IMG);
        host.ask(IMG2TZ_1);
        // code 09 not found, page 0000, score 0000: 07+07+09 = 17
        assertThat(host.ask(SEARCH_1_0_1000)).isEqualTo("ef01ffffffff070007090000000000" + "17");
        // a search range that excludes page 5: start 0006, count 0010 (01+08+04+01+06+10 = 24)
        module.placeFinger("alice");
        host.ask(GEN_IMG);
        host.ask(IMG2TZ_1);
        assertThat(host.ask("ef01 ffffffff 01 0008 04 01 0006 0010 0024")).contains("0700070900");
    }

    @Test
    void enrolsTwoCapturesOfOneFingerAndRefusesTwoDifferentOnes() throws Exception {
        serve();
        host.ask(VFY_PWD_0);
        module.placeFinger("carol");
        host.ask(GEN_IMG);
        host.ask(IMG2TZ_1);
        module.placeFinger("dave");
        host.ask(GEN_IMG);
        host.ask(IMG2TZ_2);
        assertThat(host.ask(REG_MODEL)).isEqualTo("ef01ffffffff0700030a0014"); // 0a merge failed
        module.placeFinger("carol");
        host.ask(GEN_IMG);
        host.ask(IMG2TZ_2);
        assertThat(host.ask(REG_MODEL)).isEqualTo(OK);
        assertThat(host.ask(STORE_1_AT_5)).isEqualTo(OK);
        assertThat(module.enrolled()).containsExactly(java.util.Map.entry(5, "carol"));
        // Store at page 03e8 (1000) is beyond the library: 0b (01+06+06+01+03+e8 = 00f9)
        assertThat(host.ask("ef01 ffffffff 01 0006 06 01 03e8 00f9")).isEqualTo("ef01ffffffff0700030b0015");
        // TemplateNum: 1 template (07+05+01 = 0d)
        assertThat(host.ask(TEMPLATE_NUM)).isEqualTo("ef01ffffffff0700050000010" + "00d");
    }

    @Test
    void deletesAndEmptiesTheLibrary() throws Exception {
        module.enroll(5, "alice");
        module.enroll(6, "bob");
        module.enroll(9, "carol");
        serve();
        host.ask(VFY_PWD_0);
        // DeletChar page 0005, count 0002: 01+07+0c+05+02 = 1b
        assertThat(host.ask("ef01 ffffffff 01 0007 0c 0005 0002 001b")).isEqualTo(OK);
        assertThat(module.enrolled()).containsOnlyKeys(9);
        // DeletChar of zero pages fails: 10 (07+03+10 = 1a)
        assertThat(host.ask("ef01 ffffffff 01 0007 0c 0005 0000 0019")).isEqualTo("ef01ffffffff070003100" + "01a");
        assertThat(host.ask("ef01 ffffffff 01 0003 0d 0011")).isEqualTo(OK); // Empty
        assertThat(module.enrolled()).isEmpty();
    }

    @Test
    void readSysParaReportsTheLibrarySizeAndAddress() throws Exception {
        SimFingerprintModule addressed = new SimFingerprintModule("fp-c", 0x0000_0002L, 0);
        served = SimFingerprintLine.serve("fp-1", line.device(), List.of(addressed));
        host = new RawHost(line.host());
        host.ask("ef01 00000002 01 0007 13 00000000 001b");
        // status 0004 (password verified), system id 0009, library 03e8, security 0003, address 00000002,
        // packet size code 0002, baud 0006; checksum 07+13+04+09+03+e8+03+02+02+06 = 0x011f
        assertThat(host.ask("ef01 00000002 01 0003 0f 0013"))
                .isEqualTo("ef010000000207001300" + "0004" + "0009" + "03e8" + "0003" + "00000002" + "0002" + "0006"
                        + "011f");
    }

    @Test
    void ignoresOtherAddressesAndNoiseAndAnswersABadChecksumWithReceiveError() throws Exception {
        serve();
        host.send("00 55 ef 02 ff");
        assertThat(host.ask(VFY_PWD_0)).isEqualTo(OK);
        host.send("ef01 00000001 01 0003 01 0005"); // GenImg to address 1: nobody there
        assertThat(host.readAll(Duration.ofMillis(300))).isEmpty();
        // GenImg with checksum 0006: code 01 packet receive error (07+03+01 = 0b)
        assertThat(host.ask("ef01 ffffffff 01 0003 01 0006")).isEqualTo("ef01ffffffff07000301000b");
    }

    @Test
    void faultsShapeTheReplies() throws Exception {
        serve();
        host.ask(VFY_PWD_0);

        module.fault(SimFingerprintModule.Fault.GARBAGE);
        host.send(TEMPLATE_NUM);
        byte[] garbled = host.readAll(Duration.ofMillis(400));
        assertThat(hex(garbled)).endsWith("ef01ffffffff070005000000000c").doesNotStartWith("ef01");
        for (int i = 0; i < garbled.length - 14; i++) {
            assertThat(garbled[i] & 0xFF).isNotEqualTo(0xEF);
        }

        module.fault(SimFingerprintModule.Fault.TRUNCATED);
        host.send(TEMPLATE_NUM);
        assertThat(hex(host.readAll(Duration.ofMillis(400)))).isEqualTo("ef01ffffffff07");

        module.fault(SimFingerprintModule.Fault.BAD_CRC);
        assertThat(host.ask(TEMPLATE_NUM)).isEqualTo("ef01ffffffff070005000000000d");

        module.fault(SimFingerprintModule.Fault.SILENT);
        host.send(TEMPLATE_NUM);
        assertThat(host.readAll(Duration.ofMillis(400))).isEmpty();

        module.fault(SimFingerprintModule.Fault.SLOW);
        module.slowDelay(Duration.ofMillis(600));
        host.send(TEMPLATE_NUM);
        assertThat(host.readAll(Duration.ofMillis(300))).as("not yet").isEmpty();
        assertThat(hex(host.readFrame(Duration.ofSeconds(2)))).isEqualTo("ef01ffffffff070005000000000c");

        module.fault(SimFingerprintModule.Fault.NONE);
        assertThat(host.ask(TEMPLATE_NUM)).isEqualTo("ef01ffffffff070005000000000c");
    }

    @Test
    void unplugEndsServingAndReplugPowersUpWithTheLibraryIntact() throws Exception {
        serve();
        host.ask(VFY_PWD_0);
        module.placeFinger("erin");
        host.ask(GEN_IMG);
        host.ask(IMG2TZ_1);
        host.ask(IMG2TZ_2);
        host.ask(REG_MODEL);
        host.ask(STORE_1_AT_5);
        line.hangUp();
        await().atMost(Duration.ofSeconds(5)).until(() -> !served.isRunning());

        line.replug();
        serve();
        assertThat(host.ask(TEMPLATE_NUM)).isEqualTo("ef01ffffffff070003210" + "02b"); // verify again
        assertThat(host.ask(VFY_PWD_0)).isEqualTo(OK);
        assertThat(host.ask(TEMPLATE_NUM)).isEqualTo("ef01ffffffff0700050000010" + "00d");
        assertThat(module.enrolled()).containsEntry(5, "erin");
        assertThat(module.toString()).contains("fp-a").doesNotContain("password");
    }

    @Test
    void closeStopsServingButLeavesTheLinkOpen() throws Exception {
        serve();
        served.close();
        assertThat(served.isRunning()).isFalse();
        assertThat(line.isHungUp()).isFalse();
        host.send(VFY_PWD_0);
        assertThat(host.readAll(Duration.ofMillis(300))).isEmpty();
    }
}
