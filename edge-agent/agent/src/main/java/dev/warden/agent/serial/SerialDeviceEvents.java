package dev.warden.agent.serial;

import dev.warden.agent.device.DeviceEvents;
import dev.warden.agent.door.AccessFlow;
import dev.warden.agent.door.DoorStates;
import dev.warden.agent.door.Site;
import dev.warden.agent.event.RecordEvent;
import dev.warden.agent.health.Counters;
import dev.warden.contract.AgentEventType;
import dev.warden.contract.DeviceState;
import dev.warden.contract.ReaderRead;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What serial device drivers report, turned into the agent's door logic and events. Every call is handed to the
 * agent's worker thread (drivers call from their bus threads and must never wait on the door logic):
 *
 * <ul>
 *   <li>a card read becomes a {@link ReaderRead} with the raw bits for {@link AccessFlow} (which decodes Wiegand);
 *   <li>keypad keys are collected per reader; digits ended by {@code #} are the PIN of the next card read at that
 *       reader within {@link #PIN_VALID_FOR} ({@code *} clears);
 *   <li>a door contact input becomes OPEN/CLOSED for {@link DoorStates}; tamper, passage, leak, smoke and power inputs and
 *       measured values become TAMPER, PASSAGE, SENSOR_ALARM and SENSOR_READING events;
 *   <li>online/offline become DEVICE_ONLINE/DEVICE_OFFLINE events with the reason, security notices
 *       DEVICE_SECURITY events with their code.
 * </ul>
 */
public final class SerialDeviceEvents implements DeviceEvents {

    private static final Logger LOG = LoggerFactory.getLogger(SerialDeviceEvents.class);

    /** A PIN typed on a keypad is forgotten if no card follows within this time. */
    public static final Duration PIN_VALID_FOR = Duration.ofSeconds(15);
    static final int MAX_PIN_DIGITS = 12;

    private final Site site;
    private final AccessFlow access;
    private final DoorStates states;
    private final RecordEvent events;
    private final Executor worker;
    private final Clock clock;
    private final Supplier<String> readIds;
    private final Counters counters;
    /** Per reader: keys typed so far, and the PIN completed with '#' (worker thread only). */
    private final Map<String, StringBuilder> typing = new HashMap<>();
    private final Map<String, Pin> pins = new HashMap<>();

    private record Pin(String digits, Instant at) {}

    public SerialDeviceEvents(
            Site site, AccessFlow access, DoorStates states, RecordEvent events, Executor worker, Clock clock,
            Supplier<String> readIds, Counters counters) {
        this.site = site;
        this.access = access;
        this.states = states;
        this.events = events;
        this.worker = worker;
        this.clock = clock;
        this.readIds = readIds;
        this.counters = counters;
    }

    @Override
    public void cardRead(String readerId, String bits) {
        onWorker("card read", () -> {
            Instant now = clock.instant();
            ReaderRead read;
            try {
                read = new ReaderRead(readIds.get(), now, null, bits, takePin(readerId, now));
            } catch (IllegalArgumentException e) {
                counters.increment("serial.card.invalid");
                LOG.warn("card data from {} refused: {}", readerId, e.getMessage());
                return;
            }
            access.onRead(readerId, read).whenComplete((outcome, e) -> {
                if (e != null) {
                    counters.increment("read.failed");
                    LOG.error("read at {} failed", readerId, e);
                } else {
                    LOG.debug("read at {}: {}", readerId, outcome);
                }
            });
        });
    }

    @Override
    public void keypad(String readerId, String keys) {
        onWorker("keypad", () -> {
            StringBuilder typed = typing.computeIfAbsent(readerId, r -> new StringBuilder());
            for (char c : keys.toCharArray()) {
                if (c == '*') {
                    typed.setLength(0);
                    pins.remove(readerId);
                } else if (c == '#') {
                    if (!typed.isEmpty()) {
                        pins.put(readerId, new Pin(typed.toString(), clock.instant()));
                    }
                    typed.setLength(0);
                } else if (c >= '0' && c <= '9' && typed.length() < MAX_PIN_DIGITS) {
                    typed.append(c);
                } else {
                    counters.increment("serial.keypad.ignored-key");
                }
            }
        });
    }

    private String takePin(String readerId, Instant now) {
        Pin pin = pins.remove(readerId);
        if (pin == null) {
            return null;
        }
        if (pin.at().plus(PIN_VALID_FOR).isBefore(now)) {
            counters.increment("serial.keypad.pin-expired");
            return null;
        }
        return pin.digits();
    }

    @Override
    public void input(String deviceId, String input, boolean active) {
        onWorker("input", () -> {
            String doorId = doorOf(deviceId);
            switch (input) {
                case "contact" -> states.onDeviceState(deviceId,
                        new DeviceState(active ? DeviceState.State.OPEN : DeviceState.State.CLOSED, clock.instant()));
                case "tamper" -> record(AgentEventType.TAMPER, doorId, deviceId, Map.of("state", active ? "ACTIVE" : "CLEARED"));
                case "passage" -> {
                    if (active) {
                        record(AgentEventType.PASSAGE, doorId, deviceId, Map.of());
                    }
                }
                case "leak", "smoke", "power" -> record(AgentEventType.SENSOR_ALARM, doorId, deviceId,
                        Map.of("input", input, "state", active ? "ACTIVE" : "CLEARED"));
                default -> {
                    counters.increment("serial.input.unmapped");
                    LOG.debug("input {} of {} is {}: not mapped to an event", input, deviceId, active ? "active" : "inactive");
                }
            }
        });
    }

    @Override
    public void reading(String deviceId, String quantity, double value, String unit) {
        onWorker("reading", () -> {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("quantity", quantity);
            attributes.put("value", String.format(Locale.ROOT, "%.2f", value));
            attributes.put("unit", unit == null ? "" : unit);
            record(AgentEventType.SENSOR_READING, doorOf(deviceId), deviceId, attributes);
        });
    }

    @Override
    public void online(String deviceId) {
        onWorker("online", () -> {
            LOG.info("device {} online", deviceId);
            record(AgentEventType.DEVICE_ONLINE, doorOf(deviceId), deviceId, Map.of());
        });
    }

    @Override
    public void security(String deviceId, String code) {
        onWorker("security notice", () -> {
            counters.increment("serial.security." + code);
            LOG.warn("device {}: security notice {}", deviceId, code);
            record(AgentEventType.DEVICE_SECURITY, doorOf(deviceId), deviceId, Map.of("code", code));
        });
    }

    @Override
    public void offline(String deviceId, String reason) {
        onWorker("offline", () -> {
            counters.increment("serial.offline." + reason);
            LOG.warn("device {} offline: {}", deviceId, reason);
            record(AgentEventType.DEVICE_OFFLINE, doorOf(deviceId), deviceId, Map.of("reason", reason));
        });
    }

    private String doorOf(String deviceId) {
        return site.reader(deviceId).map(r -> r.door().id())
                .or(() -> site.stateDevice(deviceId).map(s -> s.door().id()))
                .or(() -> site.doorWithFingerprintModule(deviceId))
                .orElse(null);
    }

    private void record(AgentEventType type, String doorId, String deviceId, Map<String, String> attributes) {
        events.record(type, doorId, deviceId, attributes);
    }

    private void onWorker(String what, Runnable task) {
        try {
            worker.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    counters.increment("serial.event.failed");
                    LOG.error("handling a {} from a serial device failed", what, e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("{} after the agent stopped: dropped", what);
        }
    }
}
