package dev.warden.sim.osdp;

import dev.warden.sim.osdp.OsdpFrameDecoder.Rejected;
import dev.warden.sim.osdp.OsdpSecureChannel.SessionKeys;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated OSDP v2.2 peripheral device (PD): a card reader with keypad, one LED, a buzzer, a tamper switch,
 * inputs and outputs (relays), and Secure Channel. It answers the commands a control panel sends it on a
 * {@link SimOsdpLine}; tests and the simulator drive the "physical" side ({@link #presentCard}, {@link #pressKeys},
 * {@link #setTamper}) and read back what the control panel made it do ({@link #ledColor}, {@link #buzzing},
 * {@link #output}). State survives the line: a new line serving the same reader is an unplug and replug.
 *
 * <p>Protocol behaviour (SIA OSDP 2.2; libosdp's src/osdp_pd.c and src/osdp_phy.c where the specification leaves room):
 * <ul>
 *   <li>Sequence: 0 resets the link (and drops a secure session); the next command must carry the next number
 *       (1, 2, 3, 1, ...); a repeated number gets the last reply again, byte for byte; anything else is NAK 4.</li>
 *   <li>The reply uses the command's check mode (CRC or checksum) and mark byte, and the reader's address | 0x80.</li>
 *   <li>Install mode (no SCBK installed): plaintext commands are served; the secure channel uses SCBK-D; osdp_KEYSET
 *       in a secure session installs the reader's own key, ends install mode and the session, and is reported to
 *       {@link #onKeyChanged} listeners.</li>
 *   <li>Keyed (an SCBK installed): outside a session only osdp_ID, osdp_CAP and osdp_COMSET are served in plaintext,
 *       everything else gets NAK 6 (the "reader already paired" answer); the handshake always uses the installed key,
 *       even when the control panel asks for SCBK-D.</li>
 *   <li>In a session every command must carry a valid MAC (a bad one ends the session: NAK 6 in plaintext); plaintext
 *       commands get NAK 6; a wrong server cryptogram in osdp_SCRYPT gets NAK 5 (libosdp does the same); the session
 *       ends after {@link Builder#sessionTimeout} without a valid secure command.</li>
 * </ul>
 *
 * <p>Thread safety: every method may be called from any thread; the line thread answers under the same lock.
 */
public final class SimOsdpReader {

    private static final Logger LOG = LoggerFactory.getLogger(SimOsdpReader.class);

    /** Fault injection: how the reader misbehaves on the wire. */
    public enum Fault {
        /** Answers correctly. */
        NONE,
        /** Random bytes (1..16) before each reply. */
        GARBAGE,
        /** Each reply is cut short (at least one byte missing). */
        TRUNCATED,
        /** Each reply's check (CRC or checksum) is corrupted. */
        BAD_CRC,
        /** Ignores everything it receives and never answers (frames are not even processed). */
        SILENT,
        /** Each reply leaves 300 ms after the command, past the 200 ms reply deadline. */
        SLOW
    }

    /** The OSDP LED colours (codes 0..7). */
    public enum LedColor {
        OFF, RED, GREEN, AMBER, BLUE, MAGENTA, CYAN, WHITE;

        static LedColor ofCode(int code) {
            return values()[code];
        }
    }

    static final long SLOW_REPLY_MILLIS = 300;

    // command codes
    static final int CMD_POLL = 0x60;
    static final int CMD_ID = 0x61;
    static final int CMD_CAP = 0x62;
    static final int CMD_LSTAT = 0x64;
    static final int CMD_ISTAT = 0x65;
    static final int CMD_OSTAT = 0x66;
    static final int CMD_OUT = 0x68;
    static final int CMD_LED = 0x69;
    static final int CMD_BUZ = 0x6A;
    static final int CMD_COMSET = 0x6E;
    static final int CMD_KEYSET = 0x75;
    static final int CMD_CHLNG = 0x76;
    static final int CMD_SCRYPT = 0x77;
    static final int CMD_ACURXSIZE = 0x7B;

    // reply codes
    static final int REPLY_ACK = 0x40;
    static final int REPLY_NAK = 0x41;
    static final int REPLY_PDID = 0x45;
    static final int REPLY_PDCAP = 0x46;
    static final int REPLY_LSTATR = 0x48;
    static final int REPLY_ISTATR = 0x49;
    static final int REPLY_OSTATR = 0x4A;
    static final int REPLY_RAW = 0x50;
    static final int REPLY_KEYPAD = 0x53;
    static final int REPLY_COM = 0x54;
    static final int REPLY_CCRYPT = 0x76;
    static final int REPLY_RMAC_I = 0x78;

    // NAK codes
    static final int NAK_CHECK = 0x01;
    static final int NAK_LENGTH = 0x02;
    static final int NAK_UNKNOWN = 0x03;
    static final int NAK_SEQUENCE = 0x04;
    static final int NAK_SC_UNSUPPORTED = 0x05;
    static final int NAK_SC_CONDITIONS = 0x06;
    static final int NAK_RECORD = 0x09;

    // security block types
    static final int SCS_11 = 0x11;
    static final int SCS_12 = 0x12;
    static final int SCS_13 = 0x13;
    static final int SCS_14 = 0x14;
    static final int SCS_15 = 0x15;
    static final int SCS_16 = 0x16;
    static final int SCS_17 = 0x17;
    static final int SCS_18 = 0x18;

    static final int MAX_EVENTS = 64;
    static final int MAX_CARD_BITS = 1024;
    private static final long TENTH_NANOS = 100_000_000L;

    private final Object lock = new Object();
    private final String id;
    private final boolean keypad;
    private final int vendorCode;
    private final int model;
    private final int version;
    private final long serialNumber;
    private final int[] firmware;
    private final int baud;
    private final long sessionTimeoutNanos;
    private final LongSupplier ticker;
    private final Random random;
    private final List<Consumer<byte[]>> keyListeners = new CopyOnWriteArrayList<>();

    private int address;
    private byte[] scbk;
    private boolean tamper;
    private final boolean[] inputs;
    private final Output[] outputs;
    private final int[] pulses;
    private LedPhase permanentLed = new LedPhase(0, 0, LedColor.OFF, LedColor.OFF, 0);
    private LedPhase temporaryLed;
    private long buzzUntil;
    private boolean buzzerOn;
    private final Deque<Event> events = new ArrayDeque<>();
    private int lastSequence = -1;
    private byte[] lastReply;
    private Session session;
    private Handshake handshake;
    private Fault fault = Fault.NONE;
    private long requestedBaud = -1;
    private Integer deferredAddress;
    private byte[] deferredKey;
    private long naks;
    private long resent;
    private long macFailures;

    private SimOsdpReader(Builder b) {
        this.id = b.id;
        this.address = b.address;
        this.keypad = b.keypad;
        this.vendorCode = b.vendorCode;
        this.model = b.model;
        this.version = b.version;
        this.serialNumber = b.serialNumber;
        this.firmware = b.firmware.clone();
        this.baud = b.baud;
        this.sessionTimeoutNanos = b.sessionTimeout.toNanos();
        this.ticker = b.ticker;
        this.random = b.random != null ? b.random : new Random(b.seed);
        this.scbk = b.scbk == null ? null : b.scbk.clone();
        this.inputs = new boolean[b.inputs];
        this.outputs = new Output[b.outputs];
        for (int i = 0; i < outputs.length; i++) {
            outputs[i] = new Output();
        }
        this.pulses = new int[b.outputs];
    }

    /** A reader with the given id (for logs and the simulator) and OSDP address (0..0x7E). */
    public static Builder builder(String id, int address) {
        return new Builder(id, address);
    }

    // ------------------------------------------------------------------ the physical side (tests, simulator)

    public String id() {
        return id;
    }

    /** The current OSDP address (osdp_COMSET may change it). */
    public int address() {
        synchronized (lock) {
            return address;
        }
    }

    /**
     * A card is presented: the next poll is answered with osdp_RAW (reader 0, format 0 "raw, unspecified", bit count
     * 2 bytes little-endian, then the bits packed first bit in the most significant bit).
     *
     * @param bits the card bits as '0'/'1' characters, first bit first (1..1024 bits)
     */
    public void presentCard(String bits) {
        Objects.requireNonNull(bits, "bits");
        if (bits.isEmpty() || bits.length() > MAX_CARD_BITS || !bits.chars().allMatch(c -> c == '0' || c == '1')) {
            throw new IllegalArgumentException("card bits must be 1.." + MAX_CARD_BITS + " characters of 0 and 1");
        }
        int count = bits.length();
        byte[] data = new byte[4 + (count + 7) / 8];
        data[0] = 0;
        data[1] = 0;
        data[2] = (byte) count;
        data[3] = (byte) (count >>> 8);
        for (int i = 0; i < count; i++) {
            if (bits.charAt(i) == '1') {
                data[4 + i / 8] |= (byte) (0x80 >>> (i % 8));
            }
        }
        queue(new Event(REPLY_RAW, data));
    }

    /**
     * Keys are pressed: the next poll is answered with osdp_KEYPAD (reader 0, count, keys). Digits are sent as ASCII,
     * '*' as 0x7F, '#' as 0x0D, function keys A..D as ASCII capitals.
     */
    public void pressKeys(String keys) {
        Objects.requireNonNull(keys, "keys");
        if (!keypad) {
            throw new IllegalStateException("reader " + id + " has no keypad");
        }
        if (keys.isEmpty() || keys.length() > 255) {
            throw new IllegalArgumentException("1..255 keys at a time");
        }
        byte[] data = new byte[2 + keys.length()];
        data[1] = (byte) keys.length();
        for (int i = 0; i < keys.length(); i++) {
            data[2 + i] = keyCode(keys.charAt(i));
        }
        queue(new Event(REPLY_KEYPAD, data));
    }

    /** Opens or closes the tamper switch; a change is reported with osdp_LSTATR on the next poll. */
    public void setTamper(boolean open) {
        synchronized (lock) {
            if (tamper == open) {
                return;
            }
            tamper = open;
        }
        queue(new Event(REPLY_LSTATR, new byte[] {(byte) (open ? 1 : 0), 0}));
    }

    public boolean tamper() {
        synchronized (lock) {
            return tamper;
        }
    }

    /** Sets input {@code number} (door contact, exit button ...); a change is reported with osdp_ISTATR. */
    public void setInput(int number, boolean active) {
        byte[] report;
        synchronized (lock) {
            checkIndex(number, inputs.length, "input");
            if (inputs[number] == active) {
                return;
            }
            inputs[number] = active;
            report = inputReport();
        }
        queue(new Event(REPLY_ISTATR, report));
    }

    public boolean input(int number) {
        synchronized (lock) {
            checkIndex(number, inputs.length, "input");
            return inputs[number];
        }
    }

    /** The LED colour now: the temporary state while its timer runs, else the permanent one (flashing: on colour). */
    public LedColor ledColor() {
        synchronized (lock) {
            long now = ticker.getAsLong();
            LedPhase phase = temporaryLed != null && now - temporaryLed.until() < 0 ? temporaryLed : permanentLed;
            return phase.onTenths() > 0 ? phase.onColor() : phase.offColor();
        }
    }

    /** True while a buzzer pattern runs (from an osdp_BUZ with tone 2 or more until its repetitions end). */
    public boolean buzzing() {
        synchronized (lock) {
            return buzzerOn && (buzzUntil == Long.MAX_VALUE || ticker.getAsLong() - buzzUntil < 0);
        }
    }

    /** Whether output (relay) {@code number} is energised now, timed osdp_OUT states included. */
    public boolean output(int number) {
        synchronized (lock) {
            checkIndex(number, outputs.length, "output");
            return outputs[number].on(ticker.getAsLong());
        }
    }

    /** How many osdp_OUT records switched output {@code number} on (permanent or timed). */
    public int outputPulses(int number) {
        synchronized (lock) {
            checkIndex(number, outputs.length, "output");
            return pulses[number];
        }
    }

    /** The installed SCBK (a copy), or empty in install mode. */
    public Optional<byte[]> scbk() {
        synchronized (lock) {
            return Optional.ofNullable(scbk).map(byte[]::clone);
        }
    }

    /** Install mode: no SCBK installed, the secure channel runs on SCBK-D. */
    public boolean installMode() {
        synchronized (lock) {
            return scbk == null;
        }
    }

    public boolean secureSessionActive() {
        synchronized (lock) {
            expireSession(ticker.getAsLong());
            return session != null;
        }
    }

    /** Called (on the line thread) with a copy of the new SCBK each time osdp_KEYSET installs one. Never logged. */
    public void onKeyChanged(Consumer<byte[]> listener) {
        keyListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void setFault(Fault fault) {
        synchronized (lock) {
            this.fault = Objects.requireNonNull(fault, "fault");
        }
    }

    public Fault fault() {
        synchronized (lock) {
            return fault;
        }
    }

    /** Card reads, key presses and status changes not yet collected by a poll. */
    public int pendingEvents() {
        synchronized (lock) {
            return events.size();
        }
    }

    /** The baud rate the last osdp_COMSET asked for (the simulated line keeps its speed). */
    public OptionalLong requestedBaud() {
        synchronized (lock) {
            return requestedBaud < 0 ? OptionalLong.empty() : OptionalLong.of(requestedBaud);
        }
    }

    /** NAK replies sent (sequence, check, length, unknown command, security errors). */
    public long nakCount() {
        synchronized (lock) {
            return naks;
        }
    }

    /** Replies sent again because the control panel repeated a sequence number. */
    public long resentReplies() {
        synchronized (lock) {
            return resent;
        }
    }

    /** Secure commands rejected for a wrong MAC. */
    public long macFailures() {
        synchronized (lock) {
            return macFailures;
        }
    }

    @Override
    public String toString() {
        return "SimOsdpReader[" + id + "@" + address() + "]";
    }

    // ------------------------------------------------------------------ the wire side (SimOsdpLine)

    /** Answers one frame addressed to this reader; null when it must stay silent. */
    byte[] handle(OsdpFrame frame) {
        byte[] reply;
        byte[] newKey;
        synchronized (lock) {
            if (fault == Fault.SILENT) {
                return null;
            }
            reply = process(frame);
            newKey = deferredKey;
            deferredKey = null;
            applyDeferredAddress();
            if (newKey != null) {
                scbk = newKey.clone();
                session = null;
                handshake = null;
                LOG.info("OSDP reader {} installed a new SCBK from osdp_KEYSET; install mode is over", id);
            }
        }
        if (newKey != null) {
            for (Consumer<byte[]> listener : keyListeners) {
                try {
                    listener.accept(newKey.clone());
                } catch (RuntimeException e) {
                    LOG.warn("OSDP reader {}: key listener failed", id, e);
                }
            }
        }
        return reply;
    }

    /** Answers a frame that failed its check (NAK 1) or was malformed, with the header fields as received. */
    byte[] handleRejected(Rejected rejected) {
        synchronized (lock) {
            if (fault == Fault.SILENT) {
                return null;
            }
            naks++;
            return OsdpFrame.build(rejected.mark(), address | 0x80, rejected.sequence(), rejected.crc(), null,
                    REPLY_NAK, new byte[] {(byte) rejected.nakCode()}, null);
        }
    }

    /** What actually goes on the wire for a reply, under the current fault; null for nothing. */
    Transmission transmission(byte[] reply) {
        synchronized (lock) {
            return switch (fault) {
                case NONE -> new Transmission(reply, 0);
                case SILENT -> null;
                case SLOW -> new Transmission(reply, SLOW_REPLY_MILLIS);
                case GARBAGE -> {
                    byte[] garbage = new byte[1 + random.nextInt(16)];
                    random.nextBytes(garbage);
                    byte[] out = Arrays.copyOf(garbage, garbage.length + reply.length);
                    System.arraycopy(reply, 0, out, garbage.length, reply.length);
                    yield new Transmission(out, 0);
                }
                case TRUNCATED -> new Transmission(Arrays.copyOf(reply, 1 + random.nextInt(reply.length - 1)), 0);
                case BAD_CRC -> {
                    byte[] out = reply.clone();
                    out[out.length - 1] ^= (byte) (1 + random.nextInt(255));
                    yield new Transmission(out, 0);
                }
            };
        }
    }

    /** Bytes to write and how long to hold them back. */
    record Transmission(byte[] bytes, long delayMillis) {
    }

    // ------------------------------------------------------------------ protocol

    private byte[] process(OsdpFrame frame) {
        long now = ticker.getAsLong();
        expireSession(now);
        int sequence = frame.sequence();
        if (sequence == 0) {
            if (session != null) {
                LOG.info("OSDP reader {}: sequence 0 resets the link and ends the secure session", id);
            }
            session = null;
            handshake = null;
            lastSequence = -1;
            lastReply = null;
        } else if (lastSequence >= 0 && sequence == lastSequence && lastReply != null) {
            resent++;
            return lastReply.clone();
        } else if (lastSequence < 0 || sequence != lastSequence % 3 + 1) {
            LOG.debug("OSDP reader {}: sequence {} after {}: NAK", id, sequence, lastSequence);
            return plainNak(frame, NAK_SEQUENCE);
        }
        byte[] reply = respond(frame, now);
        lastSequence = sequence;
        lastReply = reply;
        return reply.clone();
    }

    private byte[] respond(OsdpFrame frame, long now) {
        int type = frame.securityType();
        if (type < 0) {
            return plaintext(frame, now);
        }
        return switch (type) {
            case SCS_11 -> challenge(frame);
            case SCS_13 -> serverCryptogram(frame, now);
            case SCS_15, SCS_17 -> secured(frame, now);
            default -> plainNak(frame, NAK_SC_CONDITIONS);
        };
    }

    private byte[] plaintext(OsdpFrame frame, long now) {
        if (session != null) {
            LOG.warn("OSDP reader {}: plaintext command 0x{} inside a secure session refused", id, hex(frame.code()));
            return plainNak(frame, NAK_SC_CONDITIONS);
        }
        int code = frame.code();
        if (scbk != null && code != CMD_ID && code != CMD_CAP && code != CMD_COMSET) {
            return plainNak(frame, NAK_SC_CONDITIONS);
        }
        Payload payload = command(code, frame.data(), false, now);
        return plainReply(frame, payload);
    }

    private byte[] challenge(OsdpFrame frame) {
        if (frame.code() != CMD_CHLNG || frame.securityBlock().length != 3) {
            return plainNak(frame, NAK_SC_CONDITIONS);
        }
        if (frame.data().length != 8) {
            return plainNak(frame, NAK_LENGTH);
        }
        session = null;
        boolean defaultKey = scbk == null;
        if (!defaultKey && frame.securityBlock()[2] == 0) {
            LOG.info("OSDP reader {}: asked for SCBK-D but is keyed; answering with its own key", id);
        }
        byte[] cpRandom = frame.data().clone();
        byte[] pdRandom = new byte[8];
        random.nextBytes(pdRandom);
        SessionKeys keys = OsdpSecureChannel.sessionKeys(defaultKey ? OsdpSecureChannel.SCBK_D : scbk, cpRandom);
        handshake = new Handshake(keys, cpRandom, pdRandom, defaultKey);
        byte[] data = new byte[32];
        System.arraycopy(clientUid(), 0, data, 0, 8);
        System.arraycopy(pdRandom, 0, data, 8, 8);
        System.arraycopy(OsdpSecureChannel.clientCryptogram(keys, cpRandom, pdRandom), 0, data, 16, 16);
        byte[] scb = {3, SCS_12, (byte) (defaultKey ? 0 : 1)};
        return OsdpFrame.build(frame.mark(), address | 0x80, frame.sequence(), frame.crc(), scb, REPLY_CCRYPT, data,
                null);
    }

    private byte[] serverCryptogram(OsdpFrame frame, long now) {
        if (frame.code() != CMD_SCRYPT || frame.securityBlock().length != 3) {
            return plainNak(frame, NAK_SC_CONDITIONS);
        }
        if (frame.data().length != 16) {
            return plainNak(frame, NAK_LENGTH);
        }
        if (session != null || handshake == null) {
            return plainNak(frame, NAK_SC_CONDITIONS);
        }
        Handshake h = handshake;
        handshake = null;
        byte[] expected = OsdpSecureChannel.serverCryptogram(h.keys(), h.cpRandom(), h.pdRandom());
        if (!OsdpSecureChannel.sameBytes(expected, frame.data(), 16)) {
            LOG.warn("OSDP reader {}: wrong server cryptogram in osdp_SCRYPT (control panel has another key)", id);
            return plainNak(frame, NAK_SC_UNSUPPORTED);
        }
        byte[] rmacI = OsdpSecureChannel.initialRmac(h.keys(), frame.data());
        session = new Session(h.keys(), h.defaultKey(), now);
        session.rmac = rmacI;
        LOG.info("OSDP reader {}: secure session established ({})", id, h.defaultKey() ? "SCBK-D" : "SCBK");
        byte[] scb = {3, SCS_14, 1};
        return OsdpFrame.build(frame.mark(), address | 0x80, frame.sequence(), frame.crc(), scb, REPLY_RMAC_I,
                rmacI, null);
    }

    private byte[] secured(OsdpFrame frame, long now) {
        Session s = session;
        if (s == null) {
            return plainNak(frame, NAK_SC_CONDITIONS);
        }
        byte[] mac = OsdpSecureChannel.mac(s.keys, s.rmac, frame.macInput());
        if (!OsdpSecureChannel.sameBytes(mac, frame.mac(), 4)) {
            macFailures++;
            session = null;
            LOG.warn("OSDP reader {}: wrong MAC on command 0x{}; secure session ended", id, hex(frame.code()));
            return plainNak(frame, NAK_SC_CONDITIONS);
        }
        s.cmac = mac;
        byte[] data = frame.data();
        if (frame.securityType() == SCS_17) {
            Optional<byte[]> plain = OsdpSecureChannel.decrypt(s.keys, s.rmac, data);
            if (plain.isEmpty()) {
                session = null;
                LOG.warn("OSDP reader {}: undecryptable data on command 0x{}; secure session ended", id,
                        hex(frame.code()));
                return plainNak(frame, NAK_SC_CONDITIONS);
            }
            data = plain.get();
        }
        s.lastActivity = now;
        Payload payload = frame.code() == CMD_CHLNG || frame.code() == CMD_SCRYPT
                ? nak(NAK_SC_CONDITIONS)
                : command(frame.code(), data, true, now);
        boolean hasData = payload.data().length > 0;
        byte[] scb = {2, (byte) (hasData ? SCS_18 : SCS_16)};
        byte[] wireData = hasData ? OsdpSecureChannel.encrypt(s.keys, s.cmac, payload.data()) : new byte[0];
        return OsdpFrame.build(frame.mark(), address | 0x80, frame.sequence(), frame.crc(), scb, payload.code(),
                wireData, body -> {
                    s.rmac = OsdpSecureChannel.mac(s.keys, s.cmac, body);
                    return s.rmac;
                });
    }

    private Payload command(int code, byte[] data, boolean secure, long now) {
        return switch (code) {
            case CMD_POLL -> data.length != 0 ? nak(NAK_LENGTH) : poll();
            case CMD_ID -> data.length != 1 ? nak(NAK_LENGTH) : new Payload(REPLY_PDID, pdid());
            case CMD_CAP -> data.length != 1 ? nak(NAK_LENGTH) : new Payload(REPLY_PDCAP, pdcap());
            case CMD_LSTAT -> data.length != 0 ? nak(NAK_LENGTH)
                    : new Payload(REPLY_LSTATR, new byte[] {(byte) (tamper ? 1 : 0), 0});
            case CMD_ISTAT -> inputs.length == 0 ? nak(NAK_UNKNOWN)
                    : data.length != 0 ? nak(NAK_LENGTH) : new Payload(REPLY_ISTATR, inputReport());
            case CMD_OSTAT -> outputs.length == 0 ? nak(NAK_UNKNOWN)
                    : data.length != 0 ? nak(NAK_LENGTH) : new Payload(REPLY_OSTATR, outputReport(now));
            case CMD_OUT -> out(data, now);
            case CMD_LED -> led(data, now);
            case CMD_BUZ -> buz(data, now);
            case CMD_COMSET -> comset(data);
            case CMD_KEYSET -> keyset(data, secure);
            case CMD_ACURXSIZE -> data.length != 2 ? nak(NAK_LENGTH) : ack();
            case CMD_CHLNG, CMD_SCRYPT -> nak(NAK_SC_CONDITIONS);
            default -> nak(NAK_UNKNOWN);
        };
    }

    private Payload poll() {
        Event event = events.poll();
        return event == null ? ack() : new Payload(event.code(), event.data());
    }

    private Payload out(byte[] data, long now) {
        if (data.length == 0 || data.length % 4 != 0) {
            return nak(NAK_LENGTH);
        }
        for (int i = 0; i < data.length; i += 4) {
            int number = data[i] & 0xFF;
            int control = data[i + 1] & 0xFF;
            if (number >= outputs.length || control > 6) {
                return nak(NAK_RECORD);
            }
        }
        for (int i = 0; i < data.length; i += 4) {
            int number = data[i] & 0xFF;
            int control = data[i + 1] & 0xFF;
            long until = now + TENTH_NANOS * ((data[i + 2] & 0xFF) | (data[i + 3] & 0xFF) << 8);
            Output o = outputs[number];
            switch (control) {
                case 1 -> o.setPermanent(false, true);
                case 2 -> o.setPermanent(true, true);
                case 3 -> o.setPermanent(false, false);
                case 4 -> o.setPermanent(true, false);
                case 5 -> o.setTemporary(true, until);
                case 6 -> o.setTemporary(false, until);
                default -> {
                    // 0: no operation
                }
            }
            if (control == 2 || control == 4 || control == 5) {
                pulses[number]++;
            }
        }
        return ack();
    }

    private Payload led(byte[] data, long now) {
        if (data.length == 0 || data.length % 14 != 0) {
            return nak(NAK_LENGTH);
        }
        for (int i = 0; i < data.length; i += 14) {
            int reader = data[i] & 0xFF;
            int number = data[i + 1] & 0xFF;
            int tempControl = data[i + 2] & 0xFF;
            int permControl = data[i + 9] & 0xFF;
            boolean coloursValid = (data[i + 5] & 0xFF) < 8 && (data[i + 6] & 0xFF) < 8
                    && (data[i + 12] & 0xFF) < 8 && (data[i + 13] & 0xFF) < 8;
            // libosdp (validate_command): a SET with both ON and OFF time zero is invalid
            boolean tempValid = tempControl < 2 || tempControl == 2 && (data[i + 3] != 0 || data[i + 4] != 0);
            boolean permValid = permControl == 0 || permControl == 1 && (data[i + 10] != 0 || data[i + 11] != 0);
            if (reader != 0 || number != 0 || !coloursValid || !tempValid || !permValid) {
                return nak(NAK_RECORD);
            }
        }
        for (int i = 0; i < data.length; i += 14) {
            int tempControl = data[i + 2] & 0xFF;
            if (tempControl == 1) {
                temporaryLed = null;
            } else if (tempControl == 2) {
                long timer = (data[i + 7] & 0xFF) | (data[i + 8] & 0xFF) << 8;
                temporaryLed = new LedPhase(data[i + 3] & 0xFF, data[i + 4] & 0xFF,
                        LedColor.ofCode(data[i + 5] & 0xFF), LedColor.ofCode(data[i + 6] & 0xFF),
                        now + timer * TENTH_NANOS);
            }
            if ((data[i + 9] & 0xFF) == 1) {
                permanentLed = new LedPhase(data[i + 10] & 0xFF, data[i + 11] & 0xFF,
                        LedColor.ofCode(data[i + 12] & 0xFF), LedColor.ofCode(data[i + 13] & 0xFF), 0);
            }
        }
        return ack();
    }

    private Payload buz(byte[] data, long now) {
        if (data.length == 0 || data.length % 5 != 0) {
            return nak(NAK_LENGTH);
        }
        for (int i = 0; i < data.length; i += 5) {
            int tone = data[i + 1] & 0xFF;
            // libosdp (validate_command): ON time must be non-zero unless the buzzer is switched off
            if (data[i] != 0 || tone >= 2 && data[i + 2] == 0) {
                return nak(NAK_RECORD);
            }
        }
        for (int i = 0; i < data.length; i += 5) {
            int tone = data[i + 1] & 0xFF;
            int on = data[i + 2] & 0xFF;
            int off = data[i + 3] & 0xFF;
            int count = data[i + 4] & 0xFF;
            buzzerOn = tone >= 2;
            buzzUntil = count == 0 ? Long.MAX_VALUE : now + (long) count * (on + off) * TENTH_NANOS;
        }
        return ack();
    }

    private Payload comset(byte[] data) {
        if (data.length != 5) {
            return nak(NAK_LENGTH);
        }
        int newAddress = data[0] & 0xFF;
        if (newAddress >= OsdpFrame.BROADCAST) {
            return nak(NAK_RECORD);
        }
        requestedBaud = (data[1] & 0xFFL) | (data[2] & 0xFFL) << 8 | (data[3] & 0xFFL) << 16 | (data[4] & 0xFFL) << 24;
        deferredAddress = newAddress;
        byte[] reply = {
            (byte) newAddress, (byte) baud, (byte) (baud >>> 8), (byte) (baud >>> 16), (byte) (baud >>> 24)
        };
        return new Payload(REPLY_COM, reply);
    }

    private Payload keyset(byte[] data, boolean secure) {
        if (!secure) {
            return nak(NAK_SC_CONDITIONS);
        }
        if (data.length != 18) {
            return nak(NAK_LENGTH);
        }
        if (data[0] != 1 || data[1] != 16) {
            return nak(NAK_RECORD);
        }
        deferredKey = Arrays.copyOfRange(data, 2, 18);
        return ack();
    }

    private void applyDeferredAddress() {
        if (deferredAddress != null) {
            if (deferredAddress != address) {
                LOG.info("OSDP reader {}: address {} -> {} (osdp_COMSET)", id, address, deferredAddress);
            }
            address = deferredAddress;
            deferredAddress = null;
        }
    }

    private byte[] pdid() {
        return new byte[] {
            (byte) vendorCode, (byte) (vendorCode >>> 8), (byte) (vendorCode >>> 16),
            (byte) model, (byte) version,
            (byte) serialNumber, (byte) (serialNumber >>> 8),
            (byte) (serialNumber >>> 16), (byte) (serialNumber >>> 24),
            (byte) firmware[0], (byte) firmware[1], (byte) firmware[2]
        };
    }

    /** Capabilities: (function code, compliance, number of items) triples. */
    private byte[] pdcap() {
        int buffer = OsdpFrameDecoder.MAX_FRAME;
        return new byte[] {
            1, 1, (byte) inputs.length,            // contact status monitoring: on/off
            2, 1, (byte) outputs.length,           // output control: on/off
            3, 1, 0,                               // card data format: binary (raw bits)
            4, 1, 1,                               // reader LED control: one LED, on/off colours and timers
            5, 1, 1,                               // audible output: on/off buzzer
            8, 1, 0,                               // check character: CRC-16 supported
            9, 1, 1,                               // communication security: AES-128, SCBK-D supported
            10, (byte) buffer, (byte) (buffer >>> 8), // receive buffer size
            11, (byte) buffer, (byte) (buffer >>> 8), // largest combined message size
            16, 2, 0                               // OSDP version: SIA OSDP 2.2
        };
    }

    /** cUID for osdp_CCRYPT, laid out as libosdp does: vendor (2 bytes), model, version, serial number (LE). */
    private byte[] clientUid() {
        return new byte[] {
            (byte) vendorCode, (byte) (vendorCode >>> 8), (byte) model, (byte) version,
            (byte) serialNumber, (byte) (serialNumber >>> 8), (byte) (serialNumber >>> 16), (byte) (serialNumber >>> 24)
        };
    }

    private byte[] inputReport() {
        byte[] report = new byte[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            report[i] = (byte) (inputs[i] ? 1 : 0);
        }
        return report;
    }

    private byte[] outputReport(long now) {
        byte[] report = new byte[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            report[i] = (byte) (outputs[i].on(now) ? 1 : 0);
        }
        return report;
    }

    private byte[] plainReply(OsdpFrame frame, Payload payload) {
        return OsdpFrame.build(frame.mark(), address | 0x80, frame.sequence(), frame.crc(), null, payload.code(),
                payload.data(), null);
    }

    private byte[] plainNak(OsdpFrame frame, int code) {
        return plainReply(frame, nak(code));
    }

    private Payload nak(int code) {
        naks++;
        return new Payload(REPLY_NAK, new byte[] {(byte) code});
    }

    private static Payload ack() {
        return new Payload(REPLY_ACK, new byte[0]);
    }

    private void expireSession(long now) {
        if (session != null && now - session.lastActivity > sessionTimeoutNanos) {
            LOG.info("OSDP reader {}: secure session timed out", id);
            session = null;
        }
    }

    private void queue(Event event) {
        synchronized (lock) {
            if (events.size() >= MAX_EVENTS) {
                Event dropped = events.poll();
                LOG.warn("OSDP reader {}: event queue full, oldest event 0x{} dropped", id, hex(dropped.code()));
            }
            events.add(event);
        }
    }

    private static byte keyCode(char key) {
        if (key >= '0' && key <= '9' || key >= 'A' && key <= 'D') {
            return (byte) key;
        }
        return switch (key) {
            case '*' -> 0x7F;
            case '#' -> 0x0D;
            default -> throw new IllegalArgumentException("not a keypad key: '" + key + "'");
        };
    }

    private static void checkIndex(int number, int count, String what) {
        if (number < 0 || number >= count) {
            throw new IllegalArgumentException(what + " " + number + " does not exist (0.." + (count - 1) + ")");
        }
    }

    private static String hex(int code) {
        return String.format("%02X", code);
    }

    private record Payload(int code, byte[] data) {
    }

    private record Event(int code, byte[] data) {
    }

    private record LedPhase(int onTenths, int offTenths, LedColor onColor, LedColor offColor, long until) {
    }

    private record Handshake(SessionKeys keys, byte[] cpRandom, byte[] pdRandom, boolean defaultKey) {
    }

    private static final class Session {
        final SessionKeys keys;
        final boolean defaultKey;
        long lastActivity;
        byte[] rmac;
        byte[] cmac;

        Session(SessionKeys keys, boolean defaultKey, long now) {
            this.keys = keys;
            this.defaultKey = defaultKey;
            this.lastActivity = now;
        }
    }

    /** One output: a permanent state and an optional timed (temporary) state that overrides it until it ends. */
    private static final class Output {
        boolean permanent;
        boolean temporary;
        long until;
        boolean timed;

        void setPermanent(boolean on, boolean abortTimed) {
            permanent = on;
            if (abortTimed) {
                timed = false;
            }
        }

        void setTemporary(boolean on, long until) {
            temporary = on;
            this.until = until;
            timed = true;
        }

        boolean on(long now) {
            return timed && now - until < 0 ? temporary : permanent;
        }
    }

    /** Settings of a simulated reader; defaults suit the demo. */
    public static final class Builder {
        private final String id;
        private final int address;
        private boolean keypad = true;
        private int inputs = 2;
        private int outputs = 2;
        private byte[] scbk;
        private long seed;
        private int vendorCode = 0x44575A; // wire order 5A 57 44
        private int model = 1;
        private int version = 1;
        private long serialNumber;
        private int[] firmware = {1, 0, 0};
        private int baud = 9600;
        private Duration sessionTimeout = Duration.ofMillis(800);
        private LongSupplier ticker = System::nanoTime;
        private Random random;

        private Builder(String id, int address) {
            this.id = Objects.requireNonNull(id, "id");
            if (address < 0 || address >= OsdpFrame.BROADCAST) {
                throw new IllegalArgumentException("OSDP address must be 0..126, was " + address);
            }
            this.address = address;
            this.seed = id.hashCode();
            this.serialNumber = id.hashCode() & 0xFFFFFFFFL;
        }

        public Builder keypad(boolean present) {
            this.keypad = present;
            return this;
        }

        /** Number of inputs (0..16), reported by osdp_ISTAT. */
        public Builder inputs(int count) {
            this.inputs = bounded(count, 16, "inputs");
            return this;
        }

        /** Number of outputs / relays (0..16), driven by osdp_OUT. */
        public Builder outputs(int count) {
            this.outputs = bounded(count, 16, "outputs");
            return this;
        }

        /** The installed Secure Channel Base Key (16 bytes), or null for install mode (SCBK-D). */
        public Builder scbk(byte[] key) {
            if (key != null && key.length != 16) {
                throw new IllegalArgumentException("an SCBK has 16 bytes");
            }
            this.scbk = key == null ? null : key.clone();
            return this;
        }

        /** Seed for the reader's randomness (challenge randoms, fault bytes); default: derived from the id. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** IEEE OUI vendor code (24 bits), sent little-endian in osdp_PDID; default 5A 57 44 on the wire. */
        public Builder vendorCode(int code) {
            this.vendorCode = code & 0xFFFFFF;
            return this;
        }

        public Builder model(int model) {
            this.model = model & 0xFF;
            return this;
        }

        public Builder version(int version) {
            this.version = version & 0xFF;
            return this;
        }

        /** 32-bit serial number; default derived from the id. */
        public Builder serialNumber(long serial) {
            this.serialNumber = serial & 0xFFFFFFFFL;
            return this;
        }

        public Builder firmware(int major, int minor, int build) {
            this.firmware = new int[] {major & 0xFF, minor & 0xFF, build & 0xFF};
            return this;
        }

        /** The bus speed the reader reports in osdp_COM (the simulated line never changes speed). */
        public Builder baud(int baud) {
            this.baud = baud;
            return this;
        }

        /** A secure session ends after this long without a valid secure command (default 800 ms, as libosdp). */
        public Builder sessionTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("session timeout must be positive");
            }
            this.sessionTimeout = timeout;
            return this;
        }

        /** Time source in nanoseconds for timers (tests); default System.nanoTime. */
        Builder ticker(LongSupplier ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** Source of the reader's random bytes (tests that replay published vectors); default: seeded. */
        Builder random(Random random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public SimOsdpReader build() {
            return new SimOsdpReader(this);
        }

        private static int bounded(int count, int max, String what) {
            if (count < 0 || count > max) {
                throw new IllegalArgumentException(what + " must be 0.." + max);
            }
            return count;
        }
    }
}
