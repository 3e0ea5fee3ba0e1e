package dev.warden.codec.osdp;

import static dev.warden.codec.osdp.OsdpHex.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.codec.osdp.OsdpHandshakeStep.Failure;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Verifies both roles of the Secure Channel against each other over the wire encoding: the handshake, MAC chaining
 * across many exchanges, encryption of data in both directions, and that tampering, replays, plaintext and a wrong
 * key are refused.
 */
class OsdpSecureSessionTest {

    private static final byte[] SCBK = hex("00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff");
    private static final byte[] OTHER_KEY = hex("0f 0e 0d 0c 0b 0a 09 08 07 06 05 04 03 02 01 00");
    private static final byte[] CUID = hex("b2 a1 02 01 78 56 34 12");
    private static final int ADDRESS = 0x11;

    private final Random random = new Random(7);

    private byte[] random8() {
        byte[] b = new byte[8];
        random.nextBytes(b);
        return b;
    }

    /** Both sides of an established session. */
    private record Pair(OsdpSecureSession cp, OsdpSecureSession pd) {}

    private Pair establish(byte[] cpKey, byte[] pdKey) {
        OsdpCpHandshake cp = new OsdpCpHandshake(cpKey, false, random8());
        OsdpPdHandshake pd = new OsdpPdHandshake(pdKey, false, CUID, random8());
        OsdpFrame ccrypt = proceed(pd.onChallenge(viaWire(cp.challenge(ADDRESS, 1))));
        OsdpFrame scrypt = proceed(cp.onClientCryptogram(viaWire(ccrypt), 2));
        OsdpPdHandshake.Established est = proceed(pd.onServerCryptogram(viaWire(scrypt)));
        OsdpSecureSession cpSession = proceed(cp.onInitialRmac(viaWire(est.reply())));
        return new Pair(cpSession, est.session());
    }

    @SuppressWarnings("unchecked")
    private static <T> T proceed(OsdpHandshakeStep<T> step) {
        assertThat(step).isInstanceOf(OsdpHandshakeStep.Proceed.class);
        return ((OsdpHandshakeStep.Proceed<T>) step).value();
    }

    /** Encodes, feeds through a reader, returns the decoded frame (proves the secured frame survives the wire). */
    private static OsdpFrame viaWire(OsdpFrame frame) {
        List<OsdpReadResult> results = new OsdpFrameReader().feed(OsdpFrameEncoder.encode(frame));
        assertThat(results).hasSize(1);
        return ((OsdpReadResult.Frame) results.getFirst()).frame();
    }

    private static OsdpFrame opened(OsdpOpenResult result) {
        assertThat(result).isInstanceOf(OsdpOpenResult.Opened.class);
        return ((OsdpOpenResult.Opened) result).frame();
    }

    @Test
    void handshakeCarriesTheKeyChoiceInTheSecurityBlocks() {
        OsdpCpHandshake cp = new OsdpCpHandshake(SCBK, false, random8());
        OsdpFrame chlng = cp.challenge(ADDRESS, 1);
        assertThat(chlng.securityBlock()).contains(SecurityBlock.handshake(SecurityBlock.SCS_11, 1));
        assertThat(chlng.mac()).isEmpty();
        OsdpFrame ccrypt = proceed(new OsdpPdHandshake(SCBK, false, CUID, random8()).onChallenge(chlng));
        assertThat(ccrypt.securityBlock()).contains(SecurityBlock.handshake(SecurityBlock.SCS_12, 1));
        assertThat(ccrypt.reply()).isTrue();
        assertThat(ccrypt.sequence()).isEqualTo(1);
        OsdpFrame scrypt = proceed(cp.onClientCryptogram(ccrypt, 2));
        assertThat(scrypt.securityBlock()).contains(SecurityBlock.handshake(SecurityBlock.SCS_13, 1));
        assertThat(scrypt.sequence()).isEqualTo(2);
    }

    @Test
    void sealedCommandsAndRepliesOpenOnTheOtherSideAcrossManyExchanges() {
        Pair s = establish(SCBK, SCBK);
        for (int i = 0; i < 50; i++) {
            int seq = i % 3 + 1;
            OsdpFrame poll = s.cp().seal(OsdpFrame.command(ADDRESS, seq, new OsdpCommand.Poll()));
            assertThat(poll.securityBlock()).contains(SecurityBlock.session(SecurityBlock.SCS_15));
            assertThat(poll.mac()).hasSize(4);
            OsdpFrame plainPoll = opened(s.pd().open(viaWire(poll)));
            assertThat(OsdpMessageDecoder.command(plainPoll)).isEqualTo(new OsdpDecoded.Ok<>(new OsdpCommand.Poll()));

            OsdpReply reply = i % 2 == 0 ? new OsdpReply.Ack() : OsdpReply.RawCard.wiegand(0, "10000000100000100110100100");
            OsdpFrame sealed = s.pd().seal(OsdpFrame.reply(ADDRESS, seq, reply));
            assertThat(sealed.securityBlock().orElseThrow().type())
                    .isEqualTo(i % 2 == 0 ? SecurityBlock.SCS_16 : SecurityBlock.SCS_18);
            OsdpFrame plainReply = opened(s.cp().open(viaWire(sealed)));
            assertThat(OsdpMessageDecoder.reply(plainReply)).isEqualTo(new OsdpDecoded.Ok<>(reply));
        }
    }

    @Test
    void commandDataIsEncryptedOnTheWire() {
        Pair s = establish(SCBK, SCBK);
        byte[] newKey = hex("a0 a1 a2 a3 a4 a5 a6 a7 a8 a9 aa ab ac ad ae af");
        OsdpFrame keyset = s.cp().seal(OsdpFrame.command(ADDRESS, 1, OsdpCommand.KeySet.scbk(newKey)));
        assertThat(keyset.securityBlock()).contains(SecurityBlock.session(SecurityBlock.SCS_17));
        assertThat(keyset.dataLength()).isEqualTo(32); // 18 bytes + 0x80 padding → two blocks
        assertThat(OsdpHex.hex(OsdpFrameEncoder.encode(keyset))).doesNotContain("a0 a1 a2 a3");
        OsdpFrame plain = opened(s.pd().open(viaWire(keyset)));
        assertThat(OsdpMessageDecoder.command(plain)).isEqualTo(new OsdpDecoded.Ok<>(OsdpCommand.KeySet.scbk(newKey)));
        assertThat(OsdpCommand.KeySet.scbk(newKey).toString()).doesNotContain("a0", "A0", "-96");
    }

    @Test
    void aTamperedFrameIsRefused() {
        Pair s = establish(SCBK, SCBK);
        OsdpFrame led = s.cp().seal(OsdpFrame.command(ADDRESS, 1, new OsdpCommand.Led(
                List.of(OsdpCommand.LedControl.temporary(0, 0, OsdpCommand.LedControl.GREEN, 30)))));
        byte[] data = led.data();
        data[3] ^= 0x01;
        // still a valid frame on the wire (CRC recomputed by the encoder), but the MAC no longer fits
        assertThat(s.pd().open(viaWire(led.withData(data))))
                .isEqualTo(new OsdpOpenResult.Refused(OsdpOpenResult.Reason.MAC_MISMATCH));
    }

    @Test
    void aReplayedReplyIsRefusedBecauseTheChainMovedOn() {
        Pair s = establish(SCBK, SCBK);
        s.pd().open(s.cp().seal(OsdpFrame.command(ADDRESS, 1, new OsdpCommand.Poll())));
        OsdpFrame card = s.pd().seal(OsdpFrame.reply(ADDRESS, 1, OsdpReply.RawCard.wiegand(0, "1010")));
        opened(s.cp().open(card));
        s.pd().open(s.cp().seal(OsdpFrame.command(ADDRESS, 2, new OsdpCommand.Poll())));
        assertThat(s.cp().open(card)).isEqualTo(new OsdpOpenResult.Refused(OsdpOpenResult.Reason.MAC_MISMATCH));
    }

    @Test
    void plaintextAndWrongDirectionAreRefused() {
        Pair s = establish(SCBK, SCBK);
        assertThat(s.cp().open(OsdpFrame.reply(ADDRESS, 1, new OsdpReply.RawCard(0, 1, 4, new byte[] {(byte) 0xA0}))))
                .isEqualTo(new OsdpOpenResult.Refused(OsdpOpenResult.Reason.NOT_SECURED));
        OsdpFrame command = s.cp().seal(OsdpFrame.command(ADDRESS, 1, new OsdpCommand.Poll()));
        assertThat(s.cp().open(command)).isEqualTo(new OsdpOpenResult.Refused(OsdpOpenResult.Reason.WRONG_DIRECTION));
        assertThatThrownBy(() -> s.cp().seal(OsdpFrame.reply(ADDRESS, 1, new OsdpReply.Ack())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBadEncryptedBlockIsRefusedEvenWithAValidMac() {
        OsdpSessionKeys keys = OsdpSecureChannel.sessionKeys(SCBK, random8());
        byte[] rmacI = hex("01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10");
        OsdpSecureSession cp = OsdpSecureSession.controlPanel(keys, rmacI);
        OsdpFrame poll = cp.seal(OsdpFrame.command(ADDRESS, 1, new OsdpCommand.Poll()));
        byte[] commandMac = OsdpSecureChannel.mac(keys, rmacI, OsdpFrameEncoder.macInput(poll));
        // a reply whose "encrypted" data is 15 bytes, with a MAC computed the honest way over it
        OsdpFrame forged = OsdpFrame.reply(ADDRESS, 1, OsdpReply.RAW, new byte[15])
                .withSecurityBlock(SecurityBlock.session(SecurityBlock.SCS_18));
        byte[] mac = OsdpSecureChannel.mac(keys, commandMac, OsdpFrameEncoder.macInput(forged));
        assertThat(cp.open(forged.withMac(java.util.Arrays.copyOf(mac, 4))))
                .isEqualTo(new OsdpOpenResult.Refused(OsdpOpenResult.Reason.BAD_ENCRYPTION));
    }

    @Test
    void aWrongKeyFailsTheClientCryptogram() {
        OsdpCpHandshake cp = new OsdpCpHandshake(SCBK, false, random8());
        OsdpFrame ccrypt = proceed(new OsdpPdHandshake(OTHER_KEY, false, CUID, random8()).onChallenge(cp.challenge(ADDRESS, 1)));
        OsdpHandshakeStep<OsdpFrame> step = cp.onClientCryptogram(ccrypt, 2);
        assertThat(step).isInstanceOfSatisfying(OsdpHandshakeStep.Refused.class,
                r -> assertThat(r.failure()).isEqualTo(Failure.CRYPTOGRAM_MISMATCH));
        assertThat(cp.onInitialRmac(OsdpFrame.reply(ADDRESS, 3, new OsdpReply.InitialRmac(new byte[16]))))
                .isInstanceOfSatisfying(OsdpHandshakeStep.Refused.class,
                        r -> assertThat(r.failure()).isEqualTo(Failure.UNEXPECTED_MESSAGE));
    }

    @Test
    void thePdRefusesAServerCryptogramOfAnotherKey() {
        OsdpCpHandshake cpWrong = new OsdpCpHandshake(OTHER_KEY, false, random8());
        OsdpPdHandshake pd = new OsdpPdHandshake(SCBK, false, CUID, random8());
        proceed(pd.onChallenge(cpWrong.challenge(ADDRESS, 1)));
        OsdpFrame forged = OsdpFrame.command(ADDRESS, 2, new OsdpCommand.ServerCryptogram(new byte[16]))
                .withSecurityBlock(SecurityBlock.handshake(SecurityBlock.SCS_13, 1));
        assertThat(pd.onServerCryptogram(forged)).isInstanceOfSatisfying(OsdpHandshakeStep.Refused.class,
                r -> assertThat(r.failure()).isEqualTo(Failure.CRYPTOGRAM_MISMATCH));
    }

    @Test
    void aRefusalOrAForgedInitialRmacStopsTheCp() {
        OsdpCpHandshake cp = new OsdpCpHandshake(SCBK, false, random8());
        OsdpPdHandshake pd = new OsdpPdHandshake(SCBK, false, CUID, random8());
        OsdpFrame scrypt = proceed(cp.onClientCryptogram(proceed(pd.onChallenge(cp.challenge(ADDRESS, 1))), 2));
        OsdpFrame rmac = proceed(pd.onServerCryptogram(scrypt)).reply();

        OsdpFrame refused = rmac.withSecurityBlock(SecurityBlock.handshake(SecurityBlock.SCS_14, 0));
        assertThat(cp.onInitialRmac(refused)).isInstanceOfSatisfying(OsdpHandshakeStep.Refused.class,
                r -> assertThat(r.failure()).isEqualTo(Failure.REFUSED_BY_PEER));
        byte[] forged = rmac.data();
        forged[0] ^= 1;
        assertThat(cp.onInitialRmac(rmac.withData(forged))).isInstanceOfSatisfying(OsdpHandshakeStep.Refused.class,
                r -> assertThat(r.failure()).isEqualTo(Failure.RMAC_MISMATCH));
        assertThat(cp.onInitialRmac(rmac)).isInstanceOf(OsdpHandshakeStep.Proceed.class);
    }

    @Test
    void aNakToTheChallengeIsAnUnexpectedMessage() {
        OsdpCpHandshake cp = new OsdpCpHandshake(SCBK, false, random8());
        OsdpFrame nak = OsdpFrame.reply(ADDRESS, 1, new OsdpReply.Nak(OsdpNakCode.SECURITY_BLOCK_UNSUPPORTED));
        assertThat(cp.onClientCryptogram(nak, 2)).isInstanceOfSatisfying(OsdpHandshakeStep.Refused.class,
                r -> assertThat(r.failure()).isEqualTo(Failure.UNEXPECTED_MESSAGE));
        OsdpFrame noBlock = proceed(new OsdpPdHandshake(SCBK, false, CUID, random8()).onChallenge(cp.challenge(ADDRESS, 1)));
        OsdpFrame stripped = new OsdpFrame(noBlock.address(), true, 1, true, java.util.Optional.empty(), noBlock.code(),
                noBlock.data(), new byte[0]);
        assertThat(cp.onClientCryptogram(stripped, 2)).isInstanceOfSatisfying(OsdpHandshakeStep.Refused.class,
                r -> assertThat(r.failure()).isEqualTo(Failure.BAD_SECURITY_BLOCK));
    }

    @Test
    void defaultKeyHandshakeWorksAndSaysSo() {
        Pair s = establish(OsdpSecureChannel.defaultKey(), OsdpSecureChannel.defaultKey());
        OsdpFrame poll = s.cp().seal(OsdpFrame.command(ADDRESS, 1, new OsdpCommand.Poll()));
        opened(s.pd().open(poll));
        OsdpCpHandshake cp = new OsdpCpHandshake(OsdpSecureChannel.defaultKey(), true, random8());
        assertThat(cp.usesDefaultKey()).isTrue();
        assertThat(cp.challenge(ADDRESS, 1).securityBlock()).contains(SecurityBlock.handshake(SecurityBlock.SCS_11, 0));
        assertThat(s.cp().toString()).isEqualTo("OsdpSecureSession[CP]");
    }
}
