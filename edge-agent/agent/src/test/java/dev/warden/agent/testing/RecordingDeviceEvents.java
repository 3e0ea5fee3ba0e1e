package dev.warden.agent.testing;

import dev.warden.agent.device.DeviceEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The agent's device event port for tests: every call kept as one line of text, in order, such as
 * {@code online rdr-a}, {@code card rdr-a 1001…}, {@code input gate-1 contact true},
 * {@code reading env-1 temperature 23.5 C}, {@code security rdr-a READER_KEYED}, {@code offline fp-a LINK_DOWN}.
 * Safe to call from any driver thread while a test reads it.
 *
 * <p>{@link #statusOnly(String)} makes a recorder for a bus that must report nothing but online, security and offline
 * (a fingerprint bus): any other call fails with an {@link AssertionError} on the caller's thread, and is recorded
 * too, so an assertion on the lines sees it. With a {@link #clock}, each line also keeps the time it was reported.
 */
public final class RecordingDeviceEvents implements DeviceEvents {

    private static final Set<String> STATUS = Set.of("online", "security", "offline");

    private final List<String> lines = new ArrayList<>();
    private final List<Instant> times = new ArrayList<>();
    private final String statusOnlyBus;
    private volatile Supplier<Instant> clock;

    /** Records every call. */
    public RecordingDeviceEvents() {
        this(null);
    }

    private RecordingDeviceEvents(String statusOnlyBus) {
        this.statusOnlyBus = statusOnlyBus;
    }

    /**
     * Records online, security and offline calls; any other call is a bug of a {@code bus} bus (e.g.
     * {@code "fingerprint"}) and throws {@link AssertionError} after being recorded.
     */
    public static RecordingDeviceEvents statusOnly(String bus) {
        return new RecordingDeviceEvents(Objects.requireNonNull(bus, "bus"));
    }

    /** From now on, each line also keeps the time {@code clock} gives when it is reported (see {@link #timesOf}). */
    public RecordingDeviceEvents clock(Supplier<Instant> clock) {
        this.clock = clock;
        return this;
    }

    /** Every line so far, in order (a snapshot). */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Whether every one of {@code expected} was reported (in any order). */
    public synchronized boolean has(String... expected) {
        return lines.containsAll(List.of(expected));
    }

    /** How many times exactly {@code line} was reported. */
    public synchronized long count(String line) {
        return lines.stream().filter(line::equals).count();
    }

    /** The lines that start with {@code prefix}, in order, e.g. {@code startingWith("offline")}. */
    public synchronized List<String> startingWith(String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).toList();
    }

    /** The lines of one device, in order. */
    public synchronized List<String> of(String deviceId) {
        return lines.stream().filter(l -> deviceOf(l).equals(deviceId)).toList();
    }

    /** The last line of one device, or {@code ""} if it reported nothing yet. */
    public synchronized String last(String deviceId) {
        List<String> ofDevice = of(deviceId);
        return ofDevice.isEmpty() ? "" : ofDevice.getLast();
    }

    /** The times at which exactly {@code line} was reported while a {@link #clock} was set, in order. */
    public synchronized List<Instant> timesOf(String line) {
        List<Instant> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(line) && times.get(i) != null) {
                result.add(times.get(i));
            }
        }
        return result;
    }

    @Override
    public void cardRead(String readerId, String bits) {
        record("card", readerId + " " + bits);
    }

    @Override
    public void keypad(String readerId, String keys) {
        record("keypad", readerId + " " + keys);
    }

    @Override
    public void input(String deviceId, String input, boolean active) {
        record("input", deviceId + " " + input + " " + active);
    }

    @Override
    public void reading(String deviceId, String quantity, double value, String unit) {
        record("reading", deviceId + " " + quantity + " " + value + " " + unit);
    }

    @Override
    public void online(String deviceId) {
        record("online", deviceId);
    }

    @Override
    public void security(String deviceId, String code) {
        record("security", deviceId + " " + code);
    }

    @Override
    public void offline(String deviceId, String reason) {
        record("offline", deviceId + " " + reason);
    }

    private void record(String kind, String rest) {
        String line = kind + " " + rest;
        Supplier<Instant> c = clock;
        Instant at = c == null ? null : c.get();
        synchronized (this) {
            lines.add(line);
            times.add(at);
        }
        if (statusOnlyBus != null && !STATUS.contains(kind)) {
            throw new AssertionError("a " + statusOnlyBus + " bus reports no " + kind + ": " + line);
        }
    }

    private static String deviceOf(String line) {
        String[] parts = line.split(" ", 3);
        return parts.length > 1 ? parts[1] : "";
    }

    @Override
    public synchronized String toString() {
        return "RecordingDeviceEvents" + lines;
    }
}
