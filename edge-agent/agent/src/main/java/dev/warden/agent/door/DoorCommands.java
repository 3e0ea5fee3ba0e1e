package dev.warden.agent.door;

import dev.warden.agent.config.DoorConfig;
import dev.warden.agent.config.ReaderConfig;
import dev.warden.agent.event.RecordEvent;
import dev.warden.agent.health.Counters;
import dev.warden.contract.AgentEventType;
import dev.warden.contract.DoorCommand;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.SequencedSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the controller's door commands: UNLOCK and LOCK go to the door's lock, LED and BUZZER to all of its
 * readers; each executed command is recorded as COMMAND_EXECUTED ({@code commandId}, {@code action}). A command
 * redelivered by the broker (same command id as one of the last {@value #REMEMBERED} executed) is not executed
 * twice. UNLOCK with no duration uses the door's configured unlock time.
 */
public final class DoorCommands {

    /** The outcome of one command. */
    public enum Outcome {
        EXECUTED,
        DUPLICATE,
        UNKNOWN_DOOR
    }

    static final int REMEMBERED = 256;
    static final Duration DEFAULT_INDICATION = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(DoorCommands.class);

    private final Site site;
    private final DriveDoor door;
    private final RecordEvent events;
    private final Counters counters;
    private final SequencedSet<String> recent = new LinkedHashSet<>();

    public DoorCommands(Site site, DriveDoor door, RecordEvent events, Counters counters) {
        this.site = site;
        this.door = door;
        this.events = events;
        this.counters = counters;
    }

    public synchronized Outcome onCommand(DoorCommand command) {
        var target = site.door(command.doorId());
        if (target.isEmpty()) {
            counters.increment("command.unknown-door");
            LOG.warn("command {} ignored: door {} is not served by this agent", command.commandId(), command.doorId());
            return Outcome.UNKNOWN_DOOR;
        }
        if (recent.contains(command.commandId())) {
            counters.increment("command.duplicate");
            LOG.info("command {} already executed; ignoring the redelivery", command.commandId());
            return Outcome.DUPLICATE;
        }
        DoorConfig d = target.get();
        Duration duration = Duration.ofMillis(command.durationMs());
        switch (command.action()) {
            case UNLOCK -> door.unlock(d.lockId(), duration.isZero() ? d.unlockFor() : duration);
            case LOCK -> door.lock(d.lockId());
            case LED -> {
                String color = command.color() == null || command.color().isBlank() ? Feedback.GREEN : command.color();
                for (ReaderConfig r : d.readers()) {
                    door.led(r.deviceId(), color, duration.isZero() ? DEFAULT_INDICATION : duration);
                }
            }
            case BUZZER -> {
                for (ReaderConfig r : d.readers()) {
                    door.buzz(r.deviceId(), duration.isZero() ? Feedback.DENIED_BEEP : duration);
                }
            }
        }
        recent.add(command.commandId());
        if (recent.size() > REMEMBERED) {
            recent.removeFirst();
        }
        LOG.info("command {} {} executed at {}", command.commandId(), command.action(), d.id());
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("commandId", command.commandId());
        attributes.put("action", command.action().name());
        if (command.durationMs() > 0) {
            attributes.put("durationMs", Long.toString(command.durationMs()));
        }
        events.record(AgentEventType.COMMAND_EXECUTED, d.id(), null, attributes);
        return Outcome.EXECUTED;
    }
}
