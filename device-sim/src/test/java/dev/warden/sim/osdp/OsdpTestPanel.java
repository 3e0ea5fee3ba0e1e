package dev.warden.sim.osdp;

import static dev.warden.sim.osdp.OsdpTestCrypto.ecb;
import static dev.warden.sim.osdp.OsdpTestCrypto.join;

import dev.warden.serial.SerialLink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * A minimal OSDP control panel for tests, written from the specification apart from the simulator's main code: its own
 * frame builder, reply scanner, CRC and Secure Channel (see {@link OsdpTestCrypto}). One instance drives one link.
 *
 * <p>It waits up to 1 s for a reply by default (generous, so a loaded CI machine does not fail the tests); tests that
 * expect silence or lateness set a short {@link #replyTimeout}.
 *
 * <p>Sequence numbers per address start at 0 and advance only when a well-formed reply came back, so after a timeout
 * {@link #retry()} repeats the very same bytes (what a real panel does, and what lets the reader resend its reply).
 */
final class OsdpTestPanel {

    sealed interface Answer permits Reply, Timeout, Corrupt {
    }

    /**
     * A well-formed reply; {@code data} is decrypted when it came in a secure session.
     *
     * @param securityType 0x12..0x18, or -1 without a security block
     * @param securityData the third security block byte, or -1
     */
    record Reply(int addressByte, int sequence, boolean crc, boolean mark, int securityType, int securityData, int code,
                 byte[] data, byte[] raw) implements Answer {
        int nakCode() {
            if (code != 0x41) {
                throw new AssertionError("not a NAK: 0x" + Integer.toHexString(code));
            }
            return data[0] & 0xFF;
        }
    }

    /** Nothing well-formed arrived before the deadline; {@code received} is what did arrive. */
    record Timeout(byte[] received) implements Answer {
    }

    /** A reply arrived but failed its check or its MAC. */
    record Corrupt(String why, byte[] received) implements Answer {
    }

    /** The outcome of a handshake attempt. */
    record Handshake(boolean established, String why, Answer ccrypt, Answer rmacI) {
    }

    private static final class Session {
        final byte[] enc;
        final byte[] mac1;
        final byte[] mac2;
        byte[] rmac;
        byte[] cmac;

        Session(byte[][] keys) {
            enc = keys[0];
            mac1 = keys[1];
            mac2 = keys[2];
        }
    }

    private final SerialLink link;
    private final Random random = new Random(20240601L);
    private final Map<Integer, Integer> sequences = new HashMap<>();
    private final Map<Integer, Session> sessions = new HashMap<>();
    private Duration replyTimeout = Duration.ofSeconds(1);
    private boolean crcMode = true;
    private boolean mark = true;
    private byte[] lastFrame;
    private int lastAddress;
    private int lastSequence;

    OsdpTestPanel(SerialLink link) {
        this.link = link;
    }

    OsdpTestPanel replyTimeout(Duration timeout) {
        this.replyTimeout = timeout;
        return this;
    }

    OsdpTestPanel checksumMode() {
        this.crcMode = false;
        return this;
    }

    OsdpTestPanel withoutMark() {
        this.mark = false;
        return this;
    }

    int nextSequence(int address) {
        return sequences.getOrDefault(address, 0);
    }

    void setSequence(int address, int sequence) {
        sequences.put(address, sequence);
    }

    boolean inSession(int address) {
        return sessions.containsKey(address);
    }

    void dropSession(int address) {
        sessions.remove(address);
    }

    /** Sends a command (secured when a session is up for the address) and waits for its reply. */
    Answer send(int address, int code, byte... data) {
        int sequence = nextSequence(address);
        Session s = sessions.get(address);
        byte[] frame;
        if (s == null) {
            frame = frame(address, sequence, null, code, data, null);
        } else {
            byte[] scb = {2, (byte) (data.length > 0 ? 0x17 : 0x15)};
            byte[] wire = data.length > 0 ? OsdpTestCrypto.encrypt(s.enc, s.rmac, data) : new byte[0];
            frame = frame(address, sequence, scb, code, wire, body -> {
                s.cmac = OsdpTestCrypto.mac(s.mac1, s.mac2, s.rmac, body);
                return s.cmac;
            });
        }
        return exchange(address, sequence, frame);
    }

    /** Sends the previous frame again, byte for byte. */
    Answer retry() {
        return exchange(lastAddress, lastSequence, lastFrame);
    }

    /** Writes arbitrary bytes without waiting for anything. */
    void writeRaw(byte[] bytes) {
        write(bytes);
    }

    /** Sends arbitrary bytes and returns the next reply (no sequence bookkeeping, no session handling). */
    Answer sendRaw(byte[] bytes) {
        write(bytes);
        return readReply(null);
    }

    /** Runs osdp_CHLNG / osdp_SCRYPT with {@code key}, asking for SCBK-D ({@code keyIndicator} 0) or the SCBK (1). */
    Handshake handshake(int address, byte[] key, int keyIndicator) {
        return handshake(address, key, keyIndicator, false);
    }

    /**
     * As {@link #handshake(int, byte[], int)}; with {@code pressOn} the panel sends its cryptogram even when the
     * reader's did not verify (to see the reader refuse it).
     */
    Handshake handshake(int address, byte[] key, int keyIndicator, boolean pressOn) {
        sessions.remove(address);
        byte[] cpRandom = new byte[8];
        random.nextBytes(cpRandom);
        int sequence = nextSequence(address);
        Answer first = exchange(address, sequence,
                frame(address, sequence, new byte[] {3, 0x11, (byte) keyIndicator}, 0x76, cpRandom, null));
        if (!(first instanceof Reply ccrypt) || ccrypt.code() != 0x76 || ccrypt.data().length != 32) {
            return new Handshake(false, "no osdp_CCRYPT", first, null);
        }
        byte[] pdRandom = Arrays.copyOfRange(ccrypt.data(), 8, 16);
        byte[] clientCryptogram = Arrays.copyOfRange(ccrypt.data(), 16, 32);
        byte[][] keys = OsdpTestCrypto.sessionKeys(key, cpRandom);
        boolean clientOk = Arrays.equals(clientCryptogram, ecb(keys[0], join(cpRandom, pdRandom)));
        if (!clientOk && !pressOn) {
            return new Handshake(false, "client cryptogram does not verify", first, null);
        }
        byte[] serverCryptogram = ecb(keys[0], join(pdRandom, cpRandom));
        sequence = nextSequence(address);
        Answer second = exchange(address, sequence,
                frame(address, sequence, new byte[] {3, 0x13, (byte) keyIndicator}, 0x77, serverCryptogram, null));
        if (!(second instanceof Reply rmacI) || rmacI.code() != 0x78 || rmacI.data().length != 16) {
            return new Handshake(false, "no osdp_RMAC_I", first, second);
        }
        byte[] expected = ecb(keys[2], ecb(keys[1], serverCryptogram));
        if (!Arrays.equals(expected, rmacI.data()) || rmacI.securityData() != 1) {
            return new Handshake(false, "initial R-MAC does not verify", first, second);
        }
        Session s = new Session(keys);
        s.rmac = rmacI.data();
        sessions.put(address, s);
        return new Handshake(true, "", first, second);
    }

    /** Builds a command frame (own builder, not the simulator's). */
    byte[] frame(int address, int sequence, byte[] scb, int code, byte[] data, UnaryOperator<byte[]> macOf) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int scbLength = scb == null ? 0 : scb.length;
        int length = 5 + scbLength + 1 + data.length + (macOf == null ? 0 : 4) + (crcMode ? 2 : 1);
        body.write(0x53);
        body.write(address);
        body.write(length & 0xFF);
        body.write(length >> 8);
        body.write(sequence | (crcMode ? 4 : 0) | (scb == null ? 0 : 8));
        if (scb != null) {
            body.writeBytes(scb);
        }
        body.write(code);
        body.writeBytes(data);
        if (macOf != null) {
            body.write(macOf.apply(body.toByteArray()), 0, 4);
        }
        byte[] b = body.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (mark) {
            out.write(0xFF);
        }
        out.writeBytes(b);
        if (crcMode) {
            int crc = OsdpTestCrypto.crc(b, 0, b.length);
            out.write(crc & 0xFF);
            out.write(crc >> 8);
        } else {
            out.write(OsdpTestCrypto.sum(b, 0, b.length));
        }
        return out.toByteArray();
    }

    /** Reads whatever arrives within {@code window} (for checking that nothing, or something late, comes). */
    byte[] drain(Duration window) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + window.toNanos();
        byte[] buffer = new byte[512];
        while (System.nanoTime() < deadline) {
            int n = read(buffer, Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            got.write(buffer, 0, n);
        }
        return got.toByteArray();
    }

    private Answer exchange(int address, int sequence, byte[] frame) {
        lastFrame = frame;
        lastAddress = address;
        lastSequence = sequence;
        write(frame);
        Answer answer = readReply(sessions.get(address));
        if (answer instanceof Reply reply) {
            sequences.put(address, sequence % 3 + 1);
            if (reply.securityType() < 0 && sessions.containsKey(address)) {
                sessions.remove(address); // the reader ended the session (plaintext NAK)
            }
        }
        return answer;
    }

    private void write(byte[] bytes) {
        try {
            link.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int read(byte[] buffer, Duration timeout) {
        try {
            return link.read(buffer, timeout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scans the incoming bytes for the first well-formed reply frame until the reply deadline. */
    private Answer readReply(Session session) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + replyTimeout.toNanos();
        byte[] buffer = new byte[512];
        String corrupt = null;
        while (true) {
            byte[] all = got.toByteArray();
            for (int som = 0; som < all.length; som++) {
                if ((all[som] & 0xFF) != 0x53 || all.length - som < 5) {
                    continue;
                }
                int length = (all[som + 2] & 0xFF) | (all[som + 3] & 0xFF) << 8;
                boolean crc = (all[som + 4] & 0x04) != 0;
                if (length < 7 || length > 1024 || all.length - som < length) {
                    continue;
                }
                boolean ok = crc
                        ? OsdpTestCrypto.crc(all, som, som + length - 2)
                                == ((all[som + length - 2] & 0xFF) | (all[som + length - 1] & 0xFF) << 8)
                        : OsdpTestCrypto.sum(all, som, som + length - 1) == (all[som + length - 1] & 0xFF);
                if (!ok) {
                    corrupt = "bad check";
                    continue;
                }
                return parse(Arrays.copyOfRange(all, som, som + length), som > 0 && (all[som - 1] & 0xFF) == 0xFF,
                        session, all);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return corrupt != null ? new Corrupt(corrupt, all) : new Timeout(all);
            }
            int n = read(buffer, Duration.ofNanos(left));
            got.write(buffer, 0, n);
        }
    }

    private Answer parse(byte[] f, boolean hadMark, Session session, byte[] received) {
        int ctrl = f[4] & 0xFF;
        boolean crc = (ctrl & 4) != 0;
        int end = f.length - (crc ? 2 : 1);
        int pos = 5;
        int securityType = -1;
        int securityData = -1;
        if ((ctrl & 8) != 0) {
            int scbLength = f[5] & 0xFF;
            securityType = f[6] & 0xFF;
            securityData = scbLength >= 3 ? f[7] & 0xFF : -1;
            pos += scbLength;
        }
        boolean macd = securityType >= 0x15;
        int code = f[pos] & 0xFF;
        byte[] data = Arrays.copyOfRange(f, pos + 1, end - (macd ? 4 : 0));
        if (macd) {
            if (session == null) {
                return new Corrupt("MAC on a reply outside a session", received);
            }
            byte[] expected = OsdpTestCrypto.mac(session.mac1, session.mac2, session.cmac,
                    Arrays.copyOfRange(f, 0, end - 4));
            if (!Arrays.equals(Arrays.copyOf(expected, 4), Arrays.copyOfRange(f, end - 4, end))) {
                return new Corrupt("bad reply MAC", received);
            }
            byte[] previous = session.cmac;
            session.rmac = expected;
            if (securityType == 0x18) {
                data = OsdpTestCrypto.decrypt(session.enc, previous, data);
            }
        }
        return new Reply(f[1] & 0xFF, ctrl & 3, crc, hadMark, securityType, securityData, code, data, f);
    }
}
