package dev.warden.codec.osdp;

import dev.warden.codec.osdp.OsdpOpenResult.Opened;
import dev.warden.codec.osdp.OsdpOpenResult.Reason;
import dev.warden.codec.osdp.OsdpOpenResult.Refused;
import java.util.Arrays;
import java.util.Optional;

/**
 * An established Secure Channel session, for one side. It seals outgoing frames (SCS_15/SCS_17 for commands,
 * SCS_16/SCS_18 for replies: data encrypted when there is any, MAC appended) and opens incoming ones (MAC verified,
 * data decrypted), keeping the MAC chain: every command's MAC chains on the last reply's MAC (R-MAC-I first) and
 * every reply's on the command's. Not thread-safe; drop the session on any refusal. Holds keys: never log it.
 */
public final class OsdpSecureSession {

    private final boolean controlPanel;
    private final OsdpSessionKeys keys;
    /** The last command MAC (C-MAC), 16 bytes. */
    private byte[] lastCommandMac;
    /** The last reply MAC (R-MAC), 16 bytes; R-MAC-I at the start. */
    private byte[] lastReplyMac;

    private OsdpSecureSession(boolean controlPanel, OsdpSessionKeys keys, byte[] initialRmac) {
        this.controlPanel = controlPanel;
        this.keys = keys;
        this.lastReplyMac = Bytes.exact("R-MAC-I", initialRmac, 16);
        this.lastCommandMac = new byte[16];
    }

    /** The CP's side of a session that starts with {@code initialRmac}. */
    public static OsdpSecureSession controlPanel(OsdpSessionKeys keys, byte[] initialRmac) {
        return new OsdpSecureSession(true, keys, initialRmac);
    }

    /** The PD's side of a session that starts with {@code initialRmac}. */
    public static OsdpSecureSession peripheral(OsdpSessionKeys keys, byte[] initialRmac) {
        return new OsdpSecureSession(false, keys, initialRmac);
    }

    /**
     * Seals a plaintext frame of this side's direction (commands for the CP, replies for the PD): encrypts its data
     * if it has any, adds the session security block and the MAC, and advances the chain.
     */
    public OsdpFrame seal(OsdpFrame plain) {
        if (plain.reply() == controlPanel) {
            throw new IllegalArgumentException(controlPanel ? "the CP seals commands" : "the PD seals replies");
        }
        if (plain.securityBlock().isPresent() || plain.mac().length != 0) {
            throw new IllegalArgumentException("seal takes a plaintext frame");
        }
        byte[] chain = controlPanel ? lastReplyMac : lastCommandMac;
        boolean hasData = plain.dataLength() > 0;
        int type = controlPanel
                ? (hasData ? SecurityBlock.SCS_17 : SecurityBlock.SCS_15)
                : (hasData ? SecurityBlock.SCS_18 : SecurityBlock.SCS_16);
        OsdpFrame secured = plain.withSecurityBlock(SecurityBlock.session(type));
        if (hasData) {
            secured = secured.withData(OsdpSecureChannel.encryptData(keys, chain, plain.data()));
        }
        byte[] mac = OsdpSecureChannel.mac(keys, chain, OsdpFrameEncoder.macInput(secured));
        if (controlPanel) {
            lastCommandMac = mac;
        } else {
            lastReplyMac = mac;
        }
        return secured.withMac(Arrays.copyOf(mac, OsdpFrame.MAC_LENGTH));
    }

    /** Opens a secured frame of the other side's direction; on success the chain advances. */
    public OsdpOpenResult open(OsdpFrame secured) {
        Optional<SecurityBlock> block = secured.securityBlock();
        if (block.isEmpty() || !block.get().hasMac()) {
            return new Refused(Reason.NOT_SECURED);
        }
        int type = block.get().type();
        boolean commandType = type == SecurityBlock.SCS_15 || type == SecurityBlock.SCS_17;
        if (secured.reply() == commandType || secured.reply() != controlPanel) {
            return new Refused(Reason.WRONG_DIRECTION);
        }
        byte[] chain = controlPanel ? lastCommandMac : lastReplyMac;
        byte[] mac = OsdpSecureChannel.mac(keys, chain, OsdpFrameEncoder.macInput(secured.withMac(new byte[0])));
        if (!OsdpSecureChannel.sameBytes(Arrays.copyOf(mac, OsdpFrame.MAC_LENGTH), secured.mac())) {
            return new Refused(Reason.MAC_MISMATCH);
        }
        byte[] data = secured.data();
        if (block.get().encrypted()) {
            Optional<byte[]> plain = OsdpSecureChannel.decryptData(keys, chain, data);
            if (plain.isEmpty()) {
                return new Refused(Reason.BAD_ENCRYPTION);
            }
            data = plain.get();
        }
        if (controlPanel) {
            lastReplyMac = mac;
        } else {
            lastCommandMac = mac;
        }
        return new Opened(new OsdpFrame(secured.address(), secured.reply(), secured.sequence(), secured.crc(),
                Optional.empty(), secured.code(), data, new byte[0]));
    }

    @Override
    public String toString() {
        return "OsdpSecureSession[" + (controlPanel ? "CP" : "PD") + "]";
    }
}
