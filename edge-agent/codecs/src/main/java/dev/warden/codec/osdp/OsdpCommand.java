package dev.warden.codec.osdp;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The commands a control panel sends, typed. {@link #code()} is the command code and {@link #encode()} the data that
 * follows it in a frame; {@link OsdpMessageDecoder#command} is the inverse. Constructors check field ranges and
 * throw {@link IllegalArgumentException} on values the wire cannot carry.
 */
public sealed interface OsdpCommand {

    int POLL = 0x60;
    int ID = 0x61;
    int CAP = 0x62;
    int LSTAT = 0x64;
    int ISTAT = 0x65;
    int OSTAT = 0x66;
    int OUT = 0x68;
    int LED = 0x69;
    int BUZ = 0x6A;
    int COMSET = 0x6E;
    int KEYSET = 0x75;
    int CHLNG = 0x76;
    int SCRYPT = 0x77;

    /** The command code. */
    int code();

    /** The data bytes after the code. */
    byte[] encode();

    /** osdp_POLL: anything to report? */
    record Poll() implements OsdpCommand {
        @Override
        public int code() {
            return POLL;
        }

        @Override
        public byte[] encode() {
            return new byte[0];
        }
    }

    /** osdp_ID: send your PD ID report; {@code replyType} 0 = standard. */
    record Id(int replyType) implements OsdpCommand {
        public Id {
            Bytes.range("replyType", replyType, 0, 0xFF);
        }

        @Override
        public int code() {
            return ID;
        }

        @Override
        public byte[] encode() {
            return new byte[] {(byte) replyType};
        }
    }

    /** osdp_CAP: send your capabilities; {@code replyType} 0 = standard. */
    record Cap(int replyType) implements OsdpCommand {
        public Cap {
            Bytes.range("replyType", replyType, 0, 0xFF);
        }

        @Override
        public int code() {
            return CAP;
        }

        @Override
        public byte[] encode() {
            return new byte[] {(byte) replyType};
        }
    }

    /** osdp_LSTAT: local status (tamper, power). */
    record LocalStatus() implements OsdpCommand {
        @Override
        public int code() {
            return LSTAT;
        }

        @Override
        public byte[] encode() {
            return new byte[0];
        }
    }

    /** osdp_ISTAT: input status. */
    record InputStatus() implements OsdpCommand {
        @Override
        public int code() {
            return ISTAT;
        }

        @Override
        public byte[] encode() {
            return new byte[0];
        }
    }

    /** osdp_OSTAT: output status. */
    record OutputStatus() implements OsdpCommand {
        @Override
        public int code() {
            return OSTAT;
        }

        @Override
        public byte[] encode() {
            return new byte[0];
        }
    }

    /** osdp_OUT: one or more output control records. */
    record Output(List<OutputControl> outputs) implements OsdpCommand {
        public Output {
            outputs = List.copyOf(outputs);
            if (outputs.isEmpty()) {
                throw new IllegalArgumentException("osdp_OUT needs at least one record");
            }
        }

        @Override
        public int code() {
            return OUT;
        }

        @Override
        public byte[] encode() {
            byte[] out = new byte[outputs.size() * OutputControl.LENGTH];
            for (int i = 0; i < outputs.size(); i++) {
                OutputControl o = outputs.get(i);
                int at = i * OutputControl.LENGTH;
                out[at] = (byte) o.output();
                out[at + 1] = (byte) o.controlCode();
                Bytes.put16le(out, at + 2, o.timer());
            }
            return out;
        }
    }

    /**
     * One osdp_OUT record.
     *
     * @param output      output number (0 = first)
     * @param controlCode one of the {@code OUT_*} codes
     * @param timer       for the temporary codes, in units of 100 ms
     */
    record OutputControl(int output, int controlCode, int timer) {
        static final int LENGTH = 4;
        /** Do not alter this output. */
        public static final int NOP = 0;
        /** Permanent state off, abort any timed operation. */
        public static final int PERMANENT_OFF_ABORT_TIMED = 1;
        /** Permanent state on, abort any timed operation. */
        public static final int PERMANENT_ON_ABORT_TIMED = 2;
        /** Permanent state off, let a timed operation complete. */
        public static final int PERMANENT_OFF_AFTER_TIMED = 3;
        /** Permanent state on, let a timed operation complete. */
        public static final int PERMANENT_ON_AFTER_TIMED = 4;
        /** Temporary on for the timer, then back to the permanent state. */
        public static final int TEMPORARY_ON = 5;
        /** Temporary off for the timer, then back to the permanent state. */
        public static final int TEMPORARY_OFF = 6;

        public OutputControl {
            Bytes.range("output", output, 0, 0xFF);
            Bytes.range("controlCode", controlCode, 0, 0xFF);
            Bytes.range("timer", timer, 0, 0xFFFF);
        }
    }

    /** osdp_LED: one or more LED control records. */
    record Led(List<LedControl> leds) implements OsdpCommand {
        public Led {
            leds = List.copyOf(leds);
            if (leds.isEmpty()) {
                throw new IllegalArgumentException("osdp_LED needs at least one record");
            }
        }

        @Override
        public int code() {
            return LED;
        }

        @Override
        public byte[] encode() {
            byte[] out = new byte[leds.size() * LedControl.LENGTH];
            for (int i = 0; i < leds.size(); i++) {
                LedControl l = leds.get(i);
                int at = i * LedControl.LENGTH;
                out[at] = (byte) l.reader();
                out[at + 1] = (byte) l.led();
                out[at + 2] = (byte) l.temporaryControl();
                out[at + 3] = (byte) l.temporaryOnTime();
                out[at + 4] = (byte) l.temporaryOffTime();
                out[at + 5] = (byte) l.temporaryOnColor();
                out[at + 6] = (byte) l.temporaryOffColor();
                Bytes.put16le(out, at + 7, l.temporaryTimer());
                out[at + 9] = (byte) l.permanentControl();
                out[at + 10] = (byte) l.permanentOnTime();
                out[at + 11] = (byte) l.permanentOffTime();
                out[at + 12] = (byte) l.permanentOnColor();
                out[at + 13] = (byte) l.permanentOffColor();
            }
            return out;
        }
    }

    /**
     * One osdp_LED record (14 bytes). Times are in units of 100 ms.
     *
     * @param reader            reader number (0 = first)
     * @param led               LED number (0 = first)
     * @param temporaryControl  0 NOP, 1 cancel the temporary state, 2 set the temporary state and start the timer
     * @param temporaryOnTime   temporary flash on time
     * @param temporaryOffTime  temporary flash off time
     * @param temporaryOnColor  colour during the on time ({@code BLACK} .. {@code BLUE})
     * @param temporaryOffColor colour during the off time
     * @param temporaryTimer    how long the temporary state lasts
     * @param permanentControl  0 NOP, 1 set the permanent state
     * @param permanentOnTime   permanent flash on time
     * @param permanentOffTime  permanent flash off time
     * @param permanentOnColor  permanent on colour
     * @param permanentOffColor permanent off colour
     */
    record LedControl(
            int reader,
            int led,
            int temporaryControl,
            int temporaryOnTime,
            int temporaryOffTime,
            int temporaryOnColor,
            int temporaryOffColor,
            int temporaryTimer,
            int permanentControl,
            int permanentOnTime,
            int permanentOffTime,
            int permanentOnColor,
            int permanentOffColor) {
        static final int LENGTH = 14;
        public static final int TEMPORARY_NOP = 0;
        public static final int TEMPORARY_CANCEL = 1;
        public static final int TEMPORARY_SET = 2;
        public static final int PERMANENT_NOP = 0;
        public static final int PERMANENT_SET = 1;
        public static final int BLACK = 0;
        public static final int RED = 1;
        public static final int GREEN = 2;
        public static final int AMBER = 3;
        public static final int BLUE = 4;

        public LedControl {
            Bytes.range("reader", reader, 0, 0xFF);
            Bytes.range("led", led, 0, 0xFF);
            Bytes.range("temporaryControl", temporaryControl, 0, 0xFF);
            Bytes.range("temporaryOnTime", temporaryOnTime, 0, 0xFF);
            Bytes.range("temporaryOffTime", temporaryOffTime, 0, 0xFF);
            Bytes.range("temporaryOnColor", temporaryOnColor, 0, 0xFF);
            Bytes.range("temporaryOffColor", temporaryOffColor, 0, 0xFF);
            Bytes.range("temporaryTimer", temporaryTimer, 0, 0xFFFF);
            Bytes.range("permanentControl", permanentControl, 0, 0xFF);
            Bytes.range("permanentOnTime", permanentOnTime, 0, 0xFF);
            Bytes.range("permanentOffTime", permanentOffTime, 0, 0xFF);
            Bytes.range("permanentOnColor", permanentOnColor, 0, 0xFF);
            Bytes.range("permanentOffColor", permanentOffColor, 0, 0xFF);
        }

        /**
         * A steady temporary colour for {@code timer} (100 ms units) that leaves the permanent state alone: on time =
         * the timer (at most 25.5 s of a single "on"), off time 0.
         */
        public static LedControl temporary(int reader, int led, int color, int timer) {
            return new LedControl(reader, led, TEMPORARY_SET, Math.min(timer, 0xFF), 0, color, BLACK, timer,
                    PERMANENT_NOP, 0, 0, BLACK, BLACK);
        }
    }

    /**
     * osdp_BUZ. Times are in units of 100 ms.
     *
     * @param reader  reader number
     * @param tone    0 none (deprecated), 1 off, 2 default tone
     * @param onTime  on time
     * @param offTime off time
     * @param count   number of cycles (0 = until told otherwise)
     */
    record Buzzer(int reader, int tone, int onTime, int offTime, int count) implements OsdpCommand {
        public static final int TONE_OFF = 1;
        public static final int TONE_DEFAULT = 2;

        public Buzzer {
            Bytes.range("reader", reader, 0, 0xFF);
            Bytes.range("tone", tone, 0, 0xFF);
            Bytes.range("onTime", onTime, 0, 0xFF);
            Bytes.range("offTime", offTime, 0, 0xFF);
            Bytes.range("count", count, 0, 0xFF);
        }

        @Override
        public int code() {
            return BUZ;
        }

        @Override
        public byte[] encode() {
            return new byte[] {(byte) reader, (byte) tone, (byte) onTime, (byte) offTime, (byte) count};
        }
    }

    /** osdp_COMSET: use this address and baud rate from now on (answered with osdp_COM). */
    record ComSet(int address, long baudRate) implements OsdpCommand {
        public ComSet {
            Bytes.range("address", address, 0, 0x7F);
            if (baudRate < 0 || baudRate > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("baudRate out of range");
            }
        }

        @Override
        public int code() {
            return COMSET;
        }

        @Override
        public byte[] encode() {
            byte[] out = new byte[5];
            out[0] = (byte) address;
            Bytes.put32le(out, 1, baudRate);
            return out;
        }
    }

    /**
     * osdp_KEYSET: store a new key. {@code toString} never shows the key.
     *
     * @param keyType 1 = Secure Channel Base Key (SCBK)
     * @param key     the key (16 bytes for an SCBK)
     */
    record KeySet(int keyType, byte[] key) implements OsdpCommand {
        public static final int SCBK = 1;

        public KeySet {
            Bytes.range("keyType", keyType, 0, 0xFF);
            Objects.requireNonNull(key, "key");
            Bytes.range("key length", key.length, 1, 0xFF);
            key = key.clone();
        }

        /** A KEYSET of a 16-byte SCBK. */
        public static KeySet scbk(byte[] key) {
            return new KeySet(SCBK, Bytes.exact("SCBK", key, 16));
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public int code() {
            return KEYSET;
        }

        @Override
        public byte[] encode() {
            byte[] out = new byte[2 + key.length];
            out[0] = (byte) keyType;
            out[1] = (byte) key.length;
            System.arraycopy(key, 0, out, 2, key.length);
            return out;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof KeySet k && keyType == k.keyType && Arrays.equals(key, k.key);
        }

        @Override
        public int hashCode() {
            return 31 * keyType + Arrays.hashCode(key);
        }

        @Override
        public String toString() {
            return "KeySet[keyType=" + keyType + ", key=(" + key.length + " bytes, not shown)]";
        }
    }

    /** osdp_CHLNG: start the Secure Channel handshake with the CP's 8-byte random number RND.A. */
    record Challenge(byte[] rndA) implements OsdpCommand {
        public Challenge {
            rndA = Bytes.exact("RND.A", rndA, 8);
        }

        @Override
        public byte[] rndA() {
            return rndA.clone();
        }

        @Override
        public int code() {
            return CHLNG;
        }

        @Override
        public byte[] encode() {
            return rndA.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Challenge c && Arrays.equals(rndA, c.rndA);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(rndA);
        }

        @Override
        public String toString() {
            return "Challenge[rndA=" + Bytes.hex(rndA) + "]";
        }
    }

    /** osdp_SCRYPT: the CP's 16-byte server cryptogram. */
    record ServerCryptogram(byte[] cryptogram) implements OsdpCommand {
        public ServerCryptogram {
            cryptogram = Bytes.exact("server cryptogram", cryptogram, 16);
        }

        @Override
        public byte[] cryptogram() {
            return cryptogram.clone();
        }

        @Override
        public int code() {
            return SCRYPT;
        }

        @Override
        public byte[] encode() {
            return cryptogram.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ServerCryptogram s && Arrays.equals(cryptogram, s.cryptogram);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(cryptogram);
        }

        @Override
        public String toString() {
            return "ServerCryptogram[" + Bytes.hex(cryptogram) + "]";
        }
    }
}
