package dev.warden.agent.osdp;

import dev.warden.agent.device.DeviceEvents;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Test fake of the agent's event port: every call as one line of text, in order; with a {@link #clock}, also every
 * line with the time it was reported.
 */
final class RecordingDeviceEvents implements DeviceEvents {

    final List<String> log = new CopyOnWriteArrayList<>() {
        @Override
        public boolean add(String line) {
            Supplier<Instant> c = clock;
            if (c != null) {
                timed.add(Map.entry(c.get(), line));
            }
            return super.add(line);
        }
    };
    final List<Map.Entry<Instant, String>> timed = new CopyOnWriteArrayList<>();
    volatile Supplier<Instant> clock;

    /** The times at which {@code line} was reported (needs a {@link #clock}). */
    List<Instant> timesOf(String line) {
        return timed.stream().filter(e -> e.getValue().equals(line)).map(Map.Entry::getKey).toList();
    }

    @Override
    public void cardRead(String readerId, String bits) {
        log.add("card " + readerId + " " + bits);
    }

    @Override
    public void keypad(String readerId, String keys) {
        log.add("keypad " + readerId + " " + keys);
    }

    @Override
    public void input(String deviceId, String input, boolean active) {
        log.add("input " + deviceId + " " + input + " " + active);
    }

    @Override
    public void reading(String deviceId, String quantity, double value, String unit) {
        log.add("reading " + deviceId + " " + quantity + " " + value + " " + unit);
    }

    @Override
    public void online(String deviceId) {
        log.add("online " + deviceId);
    }

    @Override
    public void security(String deviceId, String code) {
        log.add("security " + deviceId + " " + code);
    }

    @Override
    public void offline(String deviceId, String reason) {
        log.add("offline " + deviceId + " " + reason);
    }

    List<String> startingWith(String prefix) {
        return log.stream().filter(l -> l.startsWith(prefix)).toList();
    }

    long count(String line) {
        return log.stream().filter(line::equals).count();
    }
}
