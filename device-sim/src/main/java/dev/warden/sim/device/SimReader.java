package dev.warden.sim.device;

import dev.warden.contract.ContractJson;
import dev.warden.contract.DeviceCommand;
import dev.warden.contract.Parsed;
import dev.warden.contract.Topics;
import dev.warden.sim.config.DeviceSpec;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT-native badge reader behind an edge agent: sends reads on {@code devices/{id}/read}, obeys LED and BUZZER
 * commands on {@code devices/{id}/command} and keeps what it shows ({@link #indication()}).
 */
public final class SimReader {

    private static final Logger LOG = LoggerFactory.getLogger(SimReader.class);

    private final DeviceSpec spec;
    private final Clock clock;
    private final Deque<CompletableFuture<DeviceCommand>> ledWaiters = new ArrayDeque<>();
    private final AtomicLong rejectedCommands = new AtomicLong();
    private ReaderIndication indication = ReaderIndication.DARK;
    private DeviceChannel channel;

    public SimReader(DeviceSpec spec, Clock clock) {
        this.spec = spec;
        this.clock = clock;
    }

    public String id() {
        return spec.id();
    }

    public String doorId() {
        return spec.doorId();
    }

    public String commandTopic() {
        return Topics.deviceCommand(spec.id());
    }

    public synchronized void attach(DeviceChannel channel) {
        this.channel = channel;
    }

    /** Sends a read payload (normally a ReaderRead; the walker sometimes sends garbage on purpose). */
    public void send(byte[] payload) {
        DeviceChannel c;
        synchronized (this) {
            c = channel;
        }
        c.publish(Topics.deviceRead(spec.id()), payload, false);
    }

    /** The next LED command this reader receives. */
    public synchronized CompletableFuture<DeviceCommand> nextLed() {
        CompletableFuture<DeviceCommand> f = new CompletableFuture<>();
        ledWaiters.add(f);
        return f;
    }

    /** Forgets a waiter that is no longer needed (e.g. it timed out). */
    public synchronized void forget(CompletableFuture<DeviceCommand> waiter) {
        ledWaiters.remove(waiter);
    }

    public void onMessage(String topic, byte[] payload) {
        switch (ContractJson.parse(payload, DeviceCommand.class)) {
            case Parsed.Ok<DeviceCommand>(DeviceCommand command) -> obey(command);
            case Parsed.Rejected<DeviceCommand>(String reason, String detail, String requestId) -> {
                rejectedCommands.incrementAndGet();
                LOG.warn("reader {} ignored a malformed command: {} ({})", spec.id(), reason, detail);
            }
        }
    }

    private void obey(DeviceCommand command) {
        CompletableFuture<DeviceCommand> waiter = null;
        synchronized (this) {
            var now = clock.instant();
            switch (command.action()) {
                case LED -> {
                    indication = new ReaderIndication(command.color(), now.plusMillis(command.durationMs()), indication.buzzerUntil());
                    waiter = ledWaiters.poll();
                }
                case BUZZER -> indication = new ReaderIndication(indication.ledColor(), indication.ledUntil(), now.plusMillis(command.durationMs()));
                default -> {
                    rejectedCommands.incrementAndGet();
                    LOG.warn("reader {} cannot {}", spec.id(), command.action());
                }
            }
        }
        LOG.debug("reader {}: {}", spec.id(), command);
        if (waiter != null) {
            waiter.complete(command);
        }
    }

    public synchronized ReaderIndication indication() {
        return indication;
    }

    public long rejectedCommands() {
        return rejectedCommands.get();
    }
}
