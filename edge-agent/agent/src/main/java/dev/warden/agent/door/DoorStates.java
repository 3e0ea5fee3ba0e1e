package dev.warden.agent.door;

import dev.warden.agent.event.RecordEvent;
import dev.warden.agent.health.Counters;
import dev.warden.contract.AgentEvent;
import dev.warden.contract.AgentEventType;
import dev.warden.contract.DeviceState;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns lock and door-contact state reports into DOOR_STATE events ({@code state=OPEN|CLOSED|LOCKED|UNLOCKED}).
 * A TAMPER report from any of the door's devices (readers included) becomes a DOOR_STATE event with
 * {@code state=TAMPER} and the device named, since the contract has no separate device-state event type. A reader
 * reporting anything but TAMPER is ignored and counted. A report identical to the last one from the same device (same state, same
 * device time) is a replay of a retained message, e.g. after a reconnect, and records nothing.
 */
public final class DoorStates {

    private static final Logger LOG = LoggerFactory.getLogger(DoorStates.class);

    private final Site site;
    private final RecordEvent events;
    private final Counters counters;
    private final Map<String, DeviceState> lastByDevice = new HashMap<>();

    public DoorStates(Site site, RecordEvent events, Counters counters) {
        this.site = site;
        this.events = events;
        this.counters = counters;
    }

    /** Records the state change, if it is one; returns the event recorded, if any. */
    public synchronized Optional<AgentEvent> onDeviceState(String deviceId, DeviceState state) {
        var at = site.stateDevice(deviceId);
        if (at.isEmpty()) {
            counters.increment("state.unknown-device");
            LOG.warn("state from {} ignored: not a lock or contact of any door of this agent", deviceId);
            return Optional.empty();
        }
        if (at.get().role() == Site.Role.READER && state.state() != DeviceState.State.TAMPER) {
            counters.increment("state.unexpected");
            LOG.warn("reader {} reported {}; only TAMPER is expected from a reader", deviceId, state.state());
            return Optional.empty();
        }
        if (state.equals(lastByDevice.get(deviceId))) {
            LOG.debug("state {} of {} already recorded", state.state(), deviceId);
            return Optional.empty();
        }
        lastByDevice.put(deviceId, state);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("state", state.state().name());
        attributes.put("source", at.get().role().name());
        attributes.put("deviceAt", state.at().toString());
        return Optional.of(events.record(AgentEventType.DOOR_STATE, at.get().door().id(), deviceId, attributes));
    }

    /** The last state reported by a device, if any. */
    public synchronized Optional<DeviceState.State> lastState(String deviceId) {
        return Optional.ofNullable(lastByDevice.get(deviceId)).map(DeviceState::state);
    }
}
