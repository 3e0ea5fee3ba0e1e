package dev.warden.codec.osdp;

import dev.warden.codec.osdp.OsdpHandshakeStep.Failure;
import dev.warden.codec.osdp.OsdpHandshakeStep.Proceed;
import dev.warden.codec.osdp.OsdpHandshakeStep.Refused;

/**
 * The control panel's side of the Secure Channel handshake with one PD: osdp_CHLNG (SCS_11) → osdp_CCRYPT (SCS_12,
 * client cryptogram verified) → osdp_SCRYPT (SCS_13) → osdp_RMAC_I (SCS_14, initial R-MAC verified) → an
 * {@link OsdpSecureSession}. One instance per attempt; not thread-safe. Holds the key: never log it.
 */
public final class OsdpCpHandshake {

    private final byte[] scbk;
    private final boolean defaultKey;
    private final byte[] rndA;
    private OsdpSessionKeys keys;
    private byte[] serverCryptogram;

    /**
     * @param scbk       the base key to use (the reader's SCBK, or {@link OsdpSecureChannel#defaultKey()})
     * @param defaultKey {@code true} to tell the PD this attempt uses SCBK-D (security block data 0)
     * @param rndA       8 random bytes from a secure source
     */
    public OsdpCpHandshake(byte[] scbk, boolean defaultKey, byte[] rndA) {
        this.scbk = Bytes.exact("SCBK", scbk, OsdpSecureChannel.KEY_LENGTH);
        this.defaultKey = defaultKey;
        this.rndA = Bytes.exact("RND.A", rndA, 8);
    }

    /** {@code true} when this attempt uses SCBK-D. */
    public boolean usesDefaultKey() {
        return defaultKey;
    }

    /** The osdp_CHLNG frame that opens the handshake. */
    public OsdpFrame challenge(int address, int sequence) {
        return OsdpFrame.command(address, sequence, new OsdpCommand.Challenge(rndA))
                .withSecurityBlock(SecurityBlock.handshake(SecurityBlock.SCS_11, defaultKey ? 0 : 1));
    }

    /**
     * Checks the PD's osdp_CCRYPT; on success, the osdp_SCRYPT frame to send next. The key indicator of its security
     * block (1 = SCBK, 0 = SCBK-D) must be the one asked for, with one exception reported as
     * {@link Failure#PD_USES_DEFAULT_KEY}: asked for its SCBK, the PD answered with SCBK-D, and its cryptogram checks
     * out under SCBK-D. An indicator 0 whose cryptogram does not is a {@link Failure#CRYPTOGRAM_MISMATCH}; any other
     * indicator, or 1 to an SCBK-D challenge, a {@link Failure#BAD_SECURITY_BLOCK}.
     */
    public OsdpHandshakeStep<OsdpFrame> onClientCryptogram(OsdpFrame reply, int nextSequence) {
        if (reply.code() != OsdpReply.CCRYPT) {
            return new Refused<>(Failure.UNEXPECTED_MESSAGE, "expected osdp_CCRYPT, got reply 0x" + Integer.toHexString(reply.code()));
        }
        if (reply.securityBlock().map(b -> b.type() != SecurityBlock.SCS_12).orElse(true)) {
            return new Refused<>(Failure.BAD_SECURITY_BLOCK, "osdp_CCRYPT without an SCS_12 security block");
        }
        int indicator = reply.securityBlock().orElseThrow().firstDataByte();
        if (indicator != 0 && indicator != 1) {
            return new Refused<>(Failure.BAD_SECURITY_BLOCK, "osdp_CCRYPT key indicator " + indicator + " (not 0 or 1)");
        }
        if (defaultKey && indicator == 1) {
            return new Refused<>(Failure.BAD_SECURITY_BLOCK, "asked for SCBK-D, the PD answered with its own key");
        }
        if (!(OsdpMessageDecoder.reply(reply) instanceof OsdpDecoded.Ok<OsdpReply>(OsdpReply.ClientCryptogram ccrypt))) {
            return new Refused<>(Failure.MALFORMED, "osdp_CCRYPT data has " + reply.dataLength() + " bytes");
        }
        if (!defaultKey && indicator == 0) {
            OsdpSessionKeys defaultKeys = OsdpSecureChannel.sessionKeys(OsdpSecureChannel.defaultKey(), rndA);
            byte[] expected = OsdpSecureChannel.clientCryptogram(defaultKeys, rndA, ccrypt.rndB());
            return OsdpSecureChannel.sameBytes(expected, ccrypt.cryptogram())
                    ? new Refused<>(Failure.PD_USES_DEFAULT_KEY, "asked for its SCBK, the PD answered with SCBK-D")
                    : new Refused<>(Failure.CRYPTOGRAM_MISMATCH, "the PD says SCBK-D, but its cryptogram is not made with it");
        }
        keys = OsdpSecureChannel.sessionKeys(scbk, rndA);
        byte[] expected = OsdpSecureChannel.clientCryptogram(keys, rndA, ccrypt.rndB());
        if (!OsdpSecureChannel.sameBytes(expected, ccrypt.cryptogram())) {
            keys = null;
            return new Refused<>(Failure.CRYPTOGRAM_MISMATCH, "the PD's client cryptogram does not match this key");
        }
        serverCryptogram = OsdpSecureChannel.serverCryptogram(keys, rndA, ccrypt.rndB());
        return new Proceed<>(OsdpFrame.command(reply.address(), nextSequence, new OsdpCommand.ServerCryptogram(serverCryptogram))
                .withSecurityBlock(SecurityBlock.handshake(SecurityBlock.SCS_13, defaultKey ? 0 : 1)));
    }

    /** Checks the PD's osdp_RMAC_I; on success, the established session. */
    public OsdpHandshakeStep<OsdpSecureSession> onInitialRmac(OsdpFrame reply) {
        if (keys == null || serverCryptogram == null) {
            return new Refused<>(Failure.UNEXPECTED_MESSAGE, "osdp_RMAC_I before a verified osdp_CCRYPT");
        }
        if (reply.code() != OsdpReply.RMAC_I) {
            return new Refused<>(Failure.UNEXPECTED_MESSAGE, "expected osdp_RMAC_I, got reply 0x" + Integer.toHexString(reply.code()));
        }
        if (reply.securityBlock().map(b -> b.type() != SecurityBlock.SCS_14).orElse(true)) {
            return new Refused<>(Failure.BAD_SECURITY_BLOCK, "osdp_RMAC_I without an SCS_14 security block");
        }
        if (reply.securityBlock().orElseThrow().firstDataByte() != 1) {
            return new Refused<>(Failure.REFUSED_BY_PEER, "the PD did not accept the server cryptogram");
        }
        if (!(OsdpMessageDecoder.reply(reply) instanceof OsdpDecoded.Ok<OsdpReply>(OsdpReply.InitialRmac rmac))) {
            return new Refused<>(Failure.MALFORMED, "osdp_RMAC_I data has " + reply.dataLength() + " bytes");
        }
        byte[] expected = OsdpSecureChannel.initialRmac(keys, serverCryptogram);
        if (!OsdpSecureChannel.sameBytes(expected, rmac.rmac())) {
            return new Refused<>(Failure.RMAC_MISMATCH, "the PD's initial R-MAC does not match");
        }
        return new Proceed<>(OsdpSecureSession.controlPanel(keys, expected));
    }
}
