package dev.warden.agent.modbus;

import dev.warden.agent.device.DeviceEvents;
import dev.warden.codec.modbus.ModbusResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the bus knows of one device: its read plan, whether it answers, the last values reported, and the wanted
 * state of its permit coil. Touched by the bus thread only.
 */
final class PolledDevice {

    private static final Logger LOG = LoggerFactory.getLogger(PolledDevice.class);
    /** A counter step larger than this in one poll is a device reset or a wrong register, not passages. */
    static final int MAX_COUNTER_STEP = 1000;
    static final String LINK_DOWN = "LINK_DOWN";

    enum Status { UNKNOWN, ONLINE, OFFLINE }

    final ModbusDeviceSettings settings;
    final List<ReadBlock> blocks;
    final Optional<ModbusPoint> permit;

    Status status = Status.UNKNOWN;
    String offlineReason;
    int consecutiveFailures;
    long nextPollAt;

    /**
     * The permit coil: what it should be, when a pulse ends, whether a write (or a read-back) is due and from when.
     * At start the coil is not known, so it is switched off once (a coil left on by an earlier run is ended).
     */
    boolean permitDesired;
    long permitOffAt = -1;
    boolean permitDirty;
    long nextWriteAt;
    /** The state the device last acknowledged; null while not known (at start, after the line went down). */
    Boolean permitConfirmed;
    /** An ON write was sent (answered or not) and no OFF has been confirmed since: the coil may be on. */
    boolean permitMayBeOn;
    /** The device acknowledged the OFF; a read of the coil (FC01) is due to confirm it. */
    boolean offReadBackDue;
    /** The device refuses reads of its coil: an acknowledged OFF counts as confirmed. */
    boolean readBackUnsupported;
    /** Since when an OFF is wanted while the coil may be on (-1: no such episode). */
    long offWantedSince = -1;
    /** Failed attempts to switch the coil off in this episode (sets the retry interval). */
    int offFailures;
    /** PERMIT_STUCK_ON was reported in this episode. */
    boolean stuckReported;

    private final Map<String, Boolean> bits = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private final Map<String, Double> readings = new HashMap<>();
    private final Map<String, Long> readingAt = new HashMap<>();

    PolledDevice(ModbusDeviceSettings settings) {
        this.settings = settings;
        this.blocks = ReadBlock.plan(settings);
        this.permit = settings.permit();
        this.permitDirty = permit.isPresent();
    }

    String id() {
        return settings.deviceId();
    }

    /** A poll in which every read was answered normally: the device is (again) online. */
    void answered(DeviceEvents events) {
        consecutiveFailures = 0;
        if (status != Status.ONLINE) {
            if (status == Status.OFFLINE) {
                LOG.info("Modbus device {} (unit {}) answers again", id(), settings.unitId());
            }
            status = Status.ONLINE;
            offlineReason = null;
            events.online(id());
        }
    }

    /** A poll that failed for {@code reason}; after {@code offlineAfter} in a row the device is reported offline. */
    void failed(String reason, String detail, int offlineAfter, DeviceEvents events) {
        consecutiveFailures++;
        if (consecutiveFailures >= offlineAfter && (status != Status.OFFLINE || !reason.equals(offlineReason))) {
            LOG.warn("Modbus device {} (unit {}) offline: {} ({})", id(), settings.unitId(), reason, detail);
            status = Status.OFFLINE;
            offlineReason = reason;
            events.offline(id(), reason);
        }
    }

    /** The line went down: reported once per outage. */
    void linkDown(DeviceEvents events) {
        if (status != Status.OFFLINE || !LINK_DOWN.equals(offlineReason)) {
            status = Status.OFFLINE;
            offlineReason = LINK_DOWN;
            events.offline(id(), LINK_DOWN);
        }
        consecutiveFailures = 0;
        if (permitMayBeOn || permitDesired) {
            // the coil may have been left on: make sure it ends up as wanted once the line is back
            permitDirty = true;
        }
        permitConfirmed = null;
        offReadBackDue = false;
    }

    /** A pulse starts: the coil is wanted on, an OFF episode in progress ends (a new one starts with its end). */
    void pulseStarts(long now, long offAt) {
        permitDesired = true;
        permitOffAt = offAt;
        offReadBackDue = false;
        offWantedSince = -1;
        offFailures = 0;
        stuckReported = false;
        permitDirty = true;
        nextWriteAt = now;
    }

    /** The coil is wanted off from now (a pulse ended, or a release). */
    void offWanted(long now) {
        permitDesired = false;
        permitOffAt = -1;
        permitDirty = true;
        nextWriteAt = now;
    }

    /** The device acknowledged the OFF and (where it can) a read showed the coil off: the episode ends. */
    void offConfirmed() {
        permitConfirmed = false;
        permitMayBeOn = false;
        offReadBackDue = false;
        permitDirty = permitDesired;
        offWantedSince = -1;
        offFailures = 0;
        stuckReported = false;
    }

    /** Reports what changed in a read's answer. */
    void apply(ReadBlock block, ModbusResponse response, long now, ModbusTiming timing, DeviceEvents events) {
        switch (response) {
            case ModbusResponse.ReadCoilsResponse r -> applyBits(block, r.coils(), events);
            case ModbusResponse.ReadDiscreteInputsResponse r -> applyBits(block, r.inputs(), events);
            case ModbusResponse.ReadInputRegistersResponse r -> applyRegisters(block, r.registers(), now, timing, events);
            case ModbusResponse.ReadHoldingRegistersResponse r -> applyRegisters(block, r.registers(), now, timing, events);
            default -> LOG.debug("device {}: {} is no read answer", id(), response);
        }
    }

    private void applyBits(ReadBlock block, List<Boolean> values, DeviceEvents events) {
        for (ModbusPoint p : block.points()) {
            boolean value = values.get(p.register() - block.start());
            Boolean previous = bits.put(p.name(), value);
            if (previous == null || previous != value) {
                events.input(id(), p.name(), value);
            }
        }
    }

    private void applyRegisters(ReadBlock block, List<Integer> values, long now, ModbusTiming timing,
            DeviceEvents events) {
        for (ModbusPoint p : block.points()) {
            int raw = values.get(p.register() - block.start());
            if (p.counter()) {
                Integer previous = counts.put(p.name(), raw);
                if (previous == null) {
                    continue; // the first value is the baseline, not passages
                }
                int step = (raw - previous) & 0xFFFF;
                if (step > MAX_COUNTER_STEP) {
                    LOG.warn("Modbus device {}: counter {} jumped from {} to {}; taken as a reset, not {} events",
                            id(), p.name(), previous, raw, step);
                    continue;
                }
                for (int i = 0; i < step; i++) {
                    events.input(id(), p.counterInput(), true);
                }
            } else {
                double value = p.scaled(raw);
                Double previous = readings.get(p.name());
                Long at = readingAt.get(p.name());
                if (previous == null || previous != value || now - at >= timing.readingRefresh().toMillis()) {
                    readings.put(p.name(), value);
                    readingAt.put(p.name(), now);
                    events.reading(id(), p.name(), value, p.unit());
                }
            }
        }
    }
}
