package dev.warden.codec.osdp;

import static dev.warden.codec.osdp.OsdpHex.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.codec.osdp.OsdpHandshakeStep.Failure;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The key indicator of osdp_CCRYPT (SCS_12 data: 1 = the PD used its SCBK, 0 = SCBK-D) as the control panel reads
 * it: a PD that was asked for its own key and answers, consistently, with SCBK-D is reported as such
 * ({@link Failure#PD_USES_DEFAULT_KEY}, the only answer that may lead a CP in install mode to SCBK-D); an indicator 0
 * whose cryptogram is not made with SCBK-D is a plain mismatch; any other indicator, or 1 to an SCBK-D challenge, is
 * a bad security block.
 */
class OsdpCpHandshakeKeyIndicatorTest {

    private static final byte[] SCBK = hex("00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff");
    private static final byte[] OTHER_KEY = hex("0f 0e 0d 0c 0b 0a 09 08 07 06 05 04 03 02 01 00");
    private static final byte[] CUID = hex("b2 a1 02 01 78 56 34 12");
    private static final int ADDRESS = 0x11;

    private final Random random = new Random(11);

    private byte[] random8() {
        byte[] b = new byte[8];
        random.nextBytes(b);
        return b;
    }

    private static OsdpFrame ccrypt(OsdpHandshakeStep<OsdpFrame> step) {
        return ((OsdpHandshakeStep.Proceed<OsdpFrame>) step).value();
    }

    private static Failure failure(OsdpHandshakeStep<?> step) {
        assertThat(step).isInstanceOf(OsdpHandshakeStep.Refused.class);
        return ((OsdpHandshakeStep.Refused<?>) step).failure();
    }

    @Test
    void askedForItsOwnKeyAPdAnsweringWithScbkDIsReportedAsUsingTheDefaultKey() {
        OsdpCpHandshake cp = new OsdpCpHandshake(SCBK, false, random8());
        OsdpFrame answer = ccrypt(new OsdpPdHandshake(OsdpSecureChannel.defaultKey(), true, CUID, random8())
                .onChallenge(cp.challenge(ADDRESS, 1)));
        assertThat(answer.securityBlock().orElseThrow().firstDataByte()).isZero();
        assertThat(failure(cp.onClientCryptogram(answer, 2))).isEqualTo(Failure.PD_USES_DEFAULT_KEY);
    }

    @Test
    void anIndicatorOfScbkDWithACryptogramOfAnotherKeyIsAMismatch() {
        OsdpCpHandshake cp = new OsdpCpHandshake(SCBK, false, random8());
        OsdpFrame answer = ccrypt(new OsdpPdHandshake(OTHER_KEY, true, CUID, random8()).onChallenge(cp.challenge(ADDRESS, 1)));
        assertThat(failure(cp.onClientCryptogram(answer, 2))).isEqualTo(Failure.CRYPTOGRAM_MISMATCH);
    }

    @Test
    void aCryptogramOfAnotherKeyWithIndicatorOneIsAMismatch() {
        OsdpCpHandshake cp = new OsdpCpHandshake(SCBK, false, random8());
        OsdpFrame answer = ccrypt(new OsdpPdHandshake(OTHER_KEY, false, CUID, random8()).onChallenge(cp.challenge(ADDRESS, 1)));
        assertThat(failure(cp.onClientCryptogram(answer, 2))).isEqualTo(Failure.CRYPTOGRAM_MISMATCH);
    }

    @Test
    void askedForScbkDAPdAnsweringWithItsOwnKeyIsRefused() {
        OsdpCpHandshake cp = new OsdpCpHandshake(OsdpSecureChannel.defaultKey(), true, random8());
        OsdpFrame answer = ccrypt(new OsdpPdHandshake(SCBK, false, CUID, random8()).onChallenge(cp.challenge(ADDRESS, 1)));
        assertThat(failure(cp.onClientCryptogram(answer, 2))).isEqualTo(Failure.BAD_SECURITY_BLOCK);
        // even with a cryptogram that happens to be made with SCBK-D
        OsdpCpHandshake cp2 = new OsdpCpHandshake(OsdpSecureChannel.defaultKey(), true, random8());
        OsdpFrame lying = ccrypt(new OsdpPdHandshake(OsdpSecureChannel.defaultKey(), false, CUID, random8())
                .onChallenge(cp2.challenge(ADDRESS, 1)));
        assertThat(failure(cp2.onClientCryptogram(lying, 2))).isEqualTo(Failure.BAD_SECURITY_BLOCK);
    }

    @Test
    void anyOtherIndicatorIsABadSecurityBlock() {
        for (int indicator : new int[] {2, 0x7F, 0xFF}) {
            OsdpCpHandshake cp = new OsdpCpHandshake(SCBK, false, random8());
            OsdpFrame answer = ccrypt(new OsdpPdHandshake(SCBK, false, CUID, random8()).onChallenge(cp.challenge(ADDRESS, 1)));
            OsdpFrame odd = answer.withSecurityBlock(SecurityBlock.handshake(SecurityBlock.SCS_12, indicator));
            assertThat(failure(cp.onClientCryptogram(odd, 2))).as("indicator %d", indicator).isEqualTo(Failure.BAD_SECURITY_BLOCK);
        }
        OsdpCpHandshake cp = new OsdpCpHandshake(SCBK, false, random8());
        OsdpFrame answer = ccrypt(new OsdpPdHandshake(SCBK, false, CUID, random8()).onChallenge(cp.challenge(ADDRESS, 1)));
        OsdpFrame empty = answer.withSecurityBlock(new SecurityBlock(SecurityBlock.SCS_12, new byte[0]));
        assertThat(failure(cp.onClientCryptogram(empty, 2))).isEqualTo(Failure.BAD_SECURITY_BLOCK);
    }

    @Test
    void aMalformedCcryptWithIndicatorZeroIsMalformedNotAReasonForScbkD() {
        OsdpCpHandshake cp = new OsdpCpHandshake(SCBK, false, random8());
        OsdpFrame answer = ccrypt(new OsdpPdHandshake(OsdpSecureChannel.defaultKey(), true, CUID, random8())
                .onChallenge(cp.challenge(ADDRESS, 1)));
        OsdpFrame cut = answer.withData(java.util.Arrays.copyOf(answer.data(), 20));
        assertThat(failure(cp.onClientCryptogram(cut, 2))).isEqualTo(Failure.MALFORMED);
    }

    @Test
    void theMatchingIndicatorStillProceeds() {
        OsdpCpHandshake own = new OsdpCpHandshake(SCBK, false, random8());
        assertThat(own.onClientCryptogram(ccrypt(new OsdpPdHandshake(SCBK, false, CUID, random8())
                .onChallenge(own.challenge(ADDRESS, 1))), 2)).isInstanceOf(OsdpHandshakeStep.Proceed.class);
        OsdpCpHandshake d = new OsdpCpHandshake(OsdpSecureChannel.defaultKey(), true, random8());
        assertThat(d.onClientCryptogram(ccrypt(new OsdpPdHandshake(OsdpSecureChannel.defaultKey(), true, CUID, random8())
                .onChallenge(d.challenge(ADDRESS, 1))), 2)).isInstanceOf(OsdpHandshakeStep.Proceed.class);
    }
}
