package dev.warden.codec.osdp;

import java.util.Arrays;

/**
 * The three Secure Channel session keys derived from an SCBK and RND.A. {@code toString} never shows them.
 *
 * @param sEnc  S-ENC, encrypts data and the cryptograms
 * @param sMac1 S-MAC1, MACs all blocks but the last
 * @param sMac2 S-MAC2, MACs the last block
 */
public record OsdpSessionKeys(byte[] sEnc, byte[] sMac1, byte[] sMac2) {

    public OsdpSessionKeys {
        sEnc = Bytes.exact("S-ENC", sEnc, 16);
        sMac1 = Bytes.exact("S-MAC1", sMac1, 16);
        sMac2 = Bytes.exact("S-MAC2", sMac2, 16);
    }

    @Override
    public byte[] sEnc() {
        return sEnc.clone();
    }

    @Override
    public byte[] sMac1() {
        return sMac1.clone();
    }

    @Override
    public byte[] sMac2() {
        return sMac2.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OsdpSessionKeys k && Arrays.equals(sEnc, k.sEnc) && Arrays.equals(sMac1, k.sMac1)
                && Arrays.equals(sMac2, k.sMac2);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sEnc) ^ 31 * Arrays.hashCode(sMac1) ^ 961 * Arrays.hashCode(sMac2);
    }

    @Override
    public String toString() {
        return "OsdpSessionKeys[not shown]";
    }
}
