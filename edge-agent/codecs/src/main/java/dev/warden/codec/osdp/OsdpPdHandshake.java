package dev.warden.codec.osdp;

import dev.warden.codec.osdp.OsdpHandshakeStep.Failure;
import dev.warden.codec.osdp.OsdpHandshakeStep.Proceed;
import dev.warden.codec.osdp.OsdpHandshakeStep.Refused;

/**
 * The peripheral device's side of the Secure Channel handshake: answers osdp_CHLNG with osdp_CCRYPT and a correct
 * osdp_SCRYPT with osdp_RMAC_I and an {@link OsdpSecureSession}. Which key to use (its SCBK, or SCBK-D when the
 * challenge asks for it and the device is in install mode) is the caller's decision. Not thread-safe.
 */
public final class OsdpPdHandshake {

    private final byte[] scbk;
    private final boolean defaultKey;
    private final byte[] clientUid;
    private final byte[] rndB;
    private OsdpSessionKeys keys;
    private byte[] rndA;

    /** What the PD sends after a good osdp_SCRYPT, and the session that starts with it. */
    public record Established(OsdpFrame reply, OsdpSecureSession session) {}

    /**
     * @param scbk       the base key this PD uses for this attempt
     * @param defaultKey {@code true} when {@code scbk} is SCBK-D (reported in the security blocks)
     * @param clientUid  the 8-byte client UID reported in osdp_CCRYPT
     * @param rndB       8 random bytes from a secure source
     */
    public OsdpPdHandshake(byte[] scbk, boolean defaultKey, byte[] clientUid, byte[] rndB) {
        this.scbk = Bytes.exact("SCBK", scbk, OsdpSecureChannel.KEY_LENGTH);
        this.defaultKey = defaultKey;
        this.clientUid = Bytes.exact("client UID", clientUid, 8);
        this.rndB = Bytes.exact("RND.B", rndB, 8);
    }

    /** Answers osdp_CHLNG with osdp_CCRYPT (same address and sequence). */
    public OsdpHandshakeStep<OsdpFrame> onChallenge(OsdpFrame command) {
        if (command.code() != OsdpCommand.CHLNG) {
            return new Refused<>(Failure.UNEXPECTED_MESSAGE, "expected osdp_CHLNG");
        }
        if (command.securityBlock().map(b -> b.type() != SecurityBlock.SCS_11).orElse(true)) {
            return new Refused<>(Failure.BAD_SECURITY_BLOCK, "osdp_CHLNG without an SCS_11 security block");
        }
        if (!(OsdpMessageDecoder.command(command) instanceof OsdpDecoded.Ok<OsdpCommand>(OsdpCommand.Challenge chlng))) {
            return new Refused<>(Failure.MALFORMED, "osdp_CHLNG data has " + command.dataLength() + " bytes");
        }
        rndA = chlng.rndA();
        keys = OsdpSecureChannel.sessionKeys(scbk, rndA);
        byte[] cryptogram = OsdpSecureChannel.clientCryptogram(keys, rndA, rndB);
        return new Proceed<>(OsdpFrame.reply(command.address(), command.sequence(),
                        new OsdpReply.ClientCryptogram(clientUid, rndB, cryptogram))
                .withSecurityBlock(SecurityBlock.handshake(SecurityBlock.SCS_12, defaultKey ? 0 : 1)));
    }

    /** Checks osdp_SCRYPT; on success, osdp_RMAC_I (same address and sequence) and the established session. */
    public OsdpHandshakeStep<Established> onServerCryptogram(OsdpFrame command) {
        if (keys == null) {
            return new Refused<>(Failure.UNEXPECTED_MESSAGE, "osdp_SCRYPT before osdp_CHLNG");
        }
        if (command.code() != OsdpCommand.SCRYPT) {
            return new Refused<>(Failure.UNEXPECTED_MESSAGE, "expected osdp_SCRYPT");
        }
        if (command.securityBlock().map(b -> b.type() != SecurityBlock.SCS_13).orElse(true)) {
            return new Refused<>(Failure.BAD_SECURITY_BLOCK, "osdp_SCRYPT without an SCS_13 security block");
        }
        if (!(OsdpMessageDecoder.command(command) instanceof OsdpDecoded.Ok<OsdpCommand>(OsdpCommand.ServerCryptogram scrypt))) {
            return new Refused<>(Failure.MALFORMED, "osdp_SCRYPT data has " + command.dataLength() + " bytes");
        }
        byte[] expected = OsdpSecureChannel.serverCryptogram(keys, rndA, rndB);
        if (!OsdpSecureChannel.sameBytes(expected, scrypt.cryptogram())) {
            return new Refused<>(Failure.CRYPTOGRAM_MISMATCH, "the CP's server cryptogram does not match this key");
        }
        byte[] rmacI = OsdpSecureChannel.initialRmac(keys, expected);
        OsdpFrame reply = OsdpFrame.reply(command.address(), command.sequence(), new OsdpReply.InitialRmac(rmacI))
                .withSecurityBlock(SecurityBlock.handshake(SecurityBlock.SCS_14, 1));
        return new Proceed<>(new Established(reply, OsdpSecureSession.peripheral(keys, rmacI)));
    }
}
