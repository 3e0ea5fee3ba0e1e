package dev.warden.sim.fingerprint;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A simulated UART fingerprint module (ZFM / R30x / AS608 family) with an enrolled library of finger labels.
 *
 * <p>A "finger" is a label such as a person id: {@link #placeFinger} puts it on the sensor until {@link #liftFinger}.
 * GenImg captures it into the image buffer, Img2Tz makes it a template in character buffer 1 or 2, Search finds the
 * page whose label equals the template's (score 50..200, fixed per label, see {@link #scoreFor}), RegModel combines
 * two equal templates, Store writes a template to a page.
 *
 * <p>Like the real module, every instruction except VfyPwd and HandShake answers {@code 0x21} (password must be
 * verified) until the password was verified since the module was powered (served) last. The library is the module's
 * flash: it survives unplug and replug. Thread-safe: the serving line and tests use it concurrently.
 */
public final class SimFingerprintModule {

    /** Fault injection on this module's replies. */
    public enum Fault {
        /** Answers correctly. */
        NONE,
        /** Sends line noise (bytes that cannot start a packet) before each reply. */
        GARBAGE,
        /** Sends only the first half of each reply. */
        TRUNCATED,
        /** Sends each reply with a wrong checksum. */
        BAD_CRC,
        /** Does not answer. */
        SILENT,
        /** Answers after {@link #slowDelay()}. */
        SLOW
    }

    /** Template pages of the simulated module (as an R307 / AS608). */
    public static final int LIBRARY_SIZE = 1000;
    /** The default slow-reply delay: longer than a host's usual 1 s reply timeout. */
    public static final Duration DEFAULT_SLOW_DELAY = Duration.ofMillis(1500);

    // confirmation codes
    static final int OK = 0x00;
    static final int RECEIVE_ERROR = 0x01;
    static final int NO_FINGER = 0x02;
    static final int NO_MATCH = 0x08;
    static final int NOT_FOUND = 0x09;
    static final int MERGE_FAILED = 0x0A;
    static final int BAD_PAGE = 0x0B;
    static final int DELETE_FAILED = 0x10;
    static final int WRONG_PASSWORD = 0x13;
    static final int NO_VALID_IMAGE = 0x15;
    static final int PASSWORD_NOT_VERIFIED = 0x21;

    private final String id;
    private final long address;
    private final long password;
    private final TreeMap<Integer, String> library = new TreeMap<>();
    private final String[] charBuffers = new String[3];
    private String finger;
    private String image;
    private boolean verified;
    private Fault fault = Fault.NONE;
    private Duration slowDelay = DEFAULT_SLOW_DELAY;
    private long commands;

    /**
     * @param id       the device id (for logs and the simulator's state)
     * @param address  the module address, 0..0xFFFFFFFF (factory default 0xFFFFFFFF)
     * @param password the module password, 0..0xFFFFFFFF (factory default 0); never shown by {@link #toString()}
     */
    public SimFingerprintModule(String id, long address, long password) {
        this.id = Objects.requireNonNull(id, "id");
        if (address < 0 || address > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("fingerprint module " + id + ": address must be 0..0xFFFFFFFF");
        }
        if (password < 0 || password > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("fingerprint module " + id + ": password must be 0..0xFFFFFFFF");
        }
        this.address = address;
        this.password = password;
    }

    public String id() {
        return id;
    }

    public long address() {
        return address;
    }

    /** Puts a template for {@code fingerLabel} at library page {@code pageId} (as if enrolled earlier). */
    public synchronized void enroll(int pageId, String fingerLabel) {
        if (pageId < 0 || pageId >= LIBRARY_SIZE) {
            throw new IllegalArgumentException("page must be 0.." + (LIBRARY_SIZE - 1) + ": " + pageId);
        }
        library.put(pageId, Objects.requireNonNull(fingerLabel, "fingerLabel"));
    }

    /** The library: page id → finger label, in page order. */
    public synchronized SortedMap<Integer, String> enrolled() {
        return new TreeMap<>(library);
    }

    /** Puts a finger on the sensor; it stays until {@link #liftFinger()}. */
    public synchronized void placeFinger(String fingerLabel) {
        finger = Objects.requireNonNull(fingerLabel, "fingerLabel");
    }

    public synchronized void liftFinger() {
        finger = null;
    }

    /** The finger on the sensor, if any. */
    public synchronized Optional<String> finger() {
        return Optional.ofNullable(finger);
    }

    public synchronized void fault(Fault fault) {
        this.fault = Objects.requireNonNull(fault, "fault");
    }

    public synchronized Fault fault() {
        return fault;
    }

    /** How long a {@link Fault#SLOW} module waits before it answers. */
    public synchronized void slowDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay");
        }
        slowDelay = delay;
    }

    public synchronized Duration slowDelay() {
        return slowDelay;
    }

    /** Whether the host verified the password since the module was last powered (served). */
    public synchronized boolean passwordVerified() {
        return verified;
    }

    /** Commands this module answered (or would have, when silent). */
    public synchronized long commands() {
        return commands;
    }

    /**
     * How many image captures found the sensor empty. A host waiting for a finger first sees the sensor empty, so a
     * simulated person puts a finger down once this has grown since they presented their card.
     */
    public synchronized long emptyScans() {
        return emptyScans;
    }

    /** The match score the module reports for {@code fingerLabel}: 50..200, the same every time. */
    public static int scoreFor(String fingerLabel) {
        return 50 + Math.floorMod(fingerLabel.hashCode(), 151);
    }

    /** Power-up: RAM buffers and the password verification are gone; the library (flash) stays. */
    synchronized void powerUp() {
        verified = false;
        image = null;
        charBuffers[1] = null;
        charBuffers[2] = null;
    }

    /**
     * Answers one command payload (instruction code and parameters) with an acknowledgement payload (confirmation
     * code and results).
     */
    private long emptyScans;

    synchronized byte[] answer(byte[] command) {
        commands++;
        if (command.length == 0) {
            return code(RECEIVE_ERROR);
        }
        int instruction = command[0] & 0xFF;
        if (!verified && instruction != 0x13 && instruction != 0x17) {
            return code(PASSWORD_NOT_VERIFIED);
        }
        return switch (instruction) {
            case 0x13 -> verifyPassword(command);
            case 0x17 -> command.length <= 2 ? code(OK) : code(RECEIVE_ERROR);
            case 0x01 -> genImg(command);
            case 0x02 -> img2Tz(command);
            case 0x03 -> match(command);
            case 0x04, 0x1B -> search(command);
            case 0x05 -> regModel(command);
            case 0x06 -> store(command);
            case 0x0C -> deletChar(command);
            case 0x0D -> empty(command);
            case 0x0F -> readSysPara(command);
            case 0x1D -> templateNum(command);
            default -> code(RECEIVE_ERROR);
        };
    }

    private byte[] verifyPassword(byte[] command) {
        if (command.length != 5) {
            return code(RECEIVE_ERROR);
        }
        verified = u32(command, 1) == password;
        return code(verified ? OK : WRONG_PASSWORD);
    }

    private byte[] genImg(byte[] command) {
        if (command.length != 1) {
            return code(RECEIVE_ERROR);
        }
        image = finger;
        if (finger == null) {
            emptyScans++;
        }
        return code(finger == null ? NO_FINGER : OK);
    }

    private byte[] img2Tz(byte[] command) {
        if (command.length != 2 || !isBuffer(command[1])) {
            return code(RECEIVE_ERROR);
        }
        if (image == null) {
            return code(NO_VALID_IMAGE);
        }
        charBuffers[command[1]] = image;
        return code(OK);
    }

    private byte[] match(byte[] command) {
        if (command.length != 1) {
            return code(RECEIVE_ERROR);
        }
        String one = charBuffers[1];
        if (one != null && one.equals(charBuffers[2])) {
            int score = scoreFor(one);
            return new byte[] {OK, (byte) (score >> 8), (byte) score};
        }
        return new byte[] {NO_MATCH, 0, 0};
    }

    private byte[] search(byte[] command) {
        if (command.length != 6 || !isBuffer(command[1])) {
            return code(RECEIVE_ERROR);
        }
        String template = charBuffers[command[1]];
        if (template == null) {
            return new byte[] {NO_VALID_IMAGE, 0, 0, 0, 0};
        }
        int start = u16(command, 2);
        int end = Math.min(LIBRARY_SIZE, start + u16(command, 4));
        for (Map.Entry<Integer, String> page : library.entrySet()) {
            if (page.getKey() >= start && page.getKey() < end && page.getValue().equals(template)) {
                int pageId = page.getKey();
                int score = scoreFor(template);
                return new byte[] {OK, (byte) (pageId >> 8), (byte) pageId, (byte) (score >> 8), (byte) score};
            }
        }
        return new byte[] {NOT_FOUND, 0, 0, 0, 0};
    }

    private byte[] regModel(byte[] command) {
        if (command.length != 1) {
            return code(RECEIVE_ERROR);
        }
        String one = charBuffers[1];
        if (one == null || !one.equals(charBuffers[2])) {
            return code(MERGE_FAILED);
        }
        return code(OK);
    }

    private byte[] store(byte[] command) {
        if (command.length != 4 || !isBuffer(command[1])) {
            return code(RECEIVE_ERROR);
        }
        int pageId = u16(command, 2);
        if (pageId >= LIBRARY_SIZE) {
            return code(BAD_PAGE);
        }
        String template = charBuffers[command[1]];
        if (template == null) {
            return code(NO_VALID_IMAGE);
        }
        library.put(pageId, template);
        return code(OK);
    }

    private byte[] deletChar(byte[] command) {
        if (command.length != 5) {
            return code(RECEIVE_ERROR);
        }
        int pageId = u16(command, 1);
        int count = u16(command, 3);
        if (count == 0 || pageId + count > LIBRARY_SIZE) {
            return code(DELETE_FAILED);
        }
        library.subMap(pageId, pageId + count).clear();
        return code(OK);
    }

    private byte[] empty(byte[] command) {
        if (command.length != 1) {
            return code(RECEIVE_ERROR);
        }
        library.clear();
        return code(OK);
    }

    private byte[] readSysPara(byte[] command) {
        if (command.length != 1) {
            return code(RECEIVE_ERROR);
        }
        // code, status register, system id, library size, security level, address, packet size (128), baud (×9600)
        return new byte[] {OK, 0, (byte) (verified ? 0x04 : 0), 0, 0x09, (byte) (LIBRARY_SIZE >> 8), (byte) LIBRARY_SIZE,
            0, 3, (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address, 0, 2, 0, 6};
    }

    private byte[] templateNum(byte[] command) {
        if (command.length != 1) {
            return code(RECEIVE_ERROR);
        }
        int count = library.size();
        return new byte[] {OK, (byte) (count >> 8), (byte) count};
    }

    private static boolean isBuffer(byte buffer) {
        return buffer == 1 || buffer == 2;
    }

    private static byte[] code(int code) {
        return new byte[] {(byte) code};
    }

    private static int u16(byte[] bytes, int index) {
        return ((bytes[index] & 0xFF) << 8) | (bytes[index + 1] & 0xFF);
    }

    private static long u32(byte[] bytes, int index) {
        return ((long) u16(bytes, index) << 16) | u16(bytes, index + 2);
    }

    /** Shows id, address and library size; never the password. */
    @Override
    public synchronized String toString() {
        return "SimFingerprintModule[id=" + id + ", address=0x" + HexFormat.of().toHexDigits((int) address)
                + ", pages=" + library.size() + ", fault=" + fault + "]";
    }
}
