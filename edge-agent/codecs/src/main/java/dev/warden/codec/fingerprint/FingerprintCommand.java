package dev.warden.codec.fingerprint;

/**
 * A typed host → module instruction. Constructors check the ranges the wire format can carry and throw
 * {@link IllegalArgumentException} for a programming error; decoding from the wire never throws (see
 * {@link FingerprintCommandCodec#decode}).
 */
public sealed interface FingerprintCommand {

    /** Character buffers of the module (1 and 2). */
    int MIN_BUFFER = 1;
    int MAX_BUFFER = 2;

    /** The instruction code. */
    Instruction instruction();

    /** Verify the module password (required before other instructions on a module with a password). */
    record VfyPwd(long password) implements FingerprintCommand {
        public VfyPwd {
            requireU32(password, "password");
        }

        @Override
        public Instruction instruction() {
            return Instruction.VFY_PWD;
        }

        /** Never shows the password. */
        @Override
        public String toString() {
            return "VfyPwd[password=****]";
        }
    }

    /** Capture a finger image into the image buffer; answers {@link ConfirmationCode#NO_FINGER} without a finger. */
    record GenImg() implements FingerprintCommand {
        @Override
        public Instruction instruction() {
            return Instruction.GEN_IMG;
        }
    }

    /** Generate a character file (template) from the image into buffer {@code buffer} (1 or 2). */
    record Img2Tz(int buffer) implements FingerprintCommand {
        public Img2Tz {
            requireBuffer(buffer);
        }

        @Override
        public Instruction instruction() {
            return Instruction.IMG2TZ;
        }
    }

    /** Compare the character files in buffers 1 and 2; answers a score. */
    record Match() implements FingerprintCommand {
        @Override
        public Instruction instruction() {
            return Instruction.MATCH;
        }
    }

    /** Search the library pages {@code startPage .. startPage + pageCount - 1} for the template in {@code buffer}. */
    record Search(int buffer, int startPage, int pageCount) implements FingerprintCommand {
        public Search {
            requireBuffer(buffer);
            requireU16(startPage, "startPage");
            requireU16(pageCount, "pageCount");
        }

        @Override
        public Instruction instruction() {
            return Instruction.SEARCH;
        }
    }

    /** Combine the character files in buffers 1 and 2 into one template (in both buffers). */
    record RegModel() implements FingerprintCommand {
        @Override
        public Instruction instruction() {
            return Instruction.REG_MODEL;
        }
    }

    /** Store the template in {@code buffer} at library page {@code pageId}. */
    record Store(int buffer, int pageId) implements FingerprintCommand {
        public Store {
            requireBuffer(buffer);
            requireU16(pageId, "pageId");
        }

        @Override
        public Instruction instruction() {
            return Instruction.STORE;
        }
    }

    /** Delete {@code count} templates starting at library page {@code pageId}. */
    record DeletChar(int pageId, int count) implements FingerprintCommand {
        public DeletChar {
            requireU16(pageId, "pageId");
            requireU16(count, "count");
        }

        @Override
        public Instruction instruction() {
            return Instruction.DELET_CHAR;
        }
    }

    /** Delete every template of the library. */
    record Empty() implements FingerprintCommand {
        @Override
        public Instruction instruction() {
            return Instruction.EMPTY;
        }
    }

    /** Read the number of stored templates. */
    record TemplateNum() implements FingerprintCommand {
        @Override
        public Instruction instruction() {
            return Instruction.TEMPLATE_NUM;
        }
    }

    /** Read the system parameters (library size, security level, address, packet size, baud). */
    record ReadSysPara() implements FingerprintCommand {
        @Override
        public Instruction instruction() {
            return Instruction.READ_SYS_PARA;
        }
    }

    /** Check that the module is there and ready (control code 0). */
    record HandShake() implements FingerprintCommand {
        @Override
        public Instruction instruction() {
            return Instruction.HAND_SHAKE;
        }
    }

    private static void requireBuffer(int buffer) {
        if (buffer < MIN_BUFFER || buffer > MAX_BUFFER) {
            throw new IllegalArgumentException("buffer must be 1 or 2: " + buffer);
        }
    }

    private static void requireU16(int value, String name) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(name + " must be 0..65535: " + value);
        }
    }

    private static void requireU32(long value, String name) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(name + " must be 0..0xFFFFFFFF");
        }
    }
}
