package dev.warden.agent.mqtt;

import dev.warden.agent.config.AgentConfig;
import dev.warden.agent.config.SerialDeviceConfig;
import dev.warden.agent.door.AccessFlow;
import dev.warden.agent.door.AskController;
import dev.warden.agent.door.DoorCommands;
import dev.warden.agent.door.DoorStates;
import dev.warden.agent.door.DriveDoor;
import dev.warden.agent.door.Site;
import dev.warden.agent.event.DeliverEvent;
import dev.warden.agent.health.Counters;
import dev.warden.contract.AgentStatus;
import dev.warden.contract.ContractJson;
import dev.warden.contract.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's MQTT side, assembled: one connection (client id = agent id) with its Last Will (retained OFFLINE
 * status), the adapters that implement the door logic's ports ({@link #controller()}, {@link #doorDriver()},
 * {@link #eventDelivery()}), and the routing of inbound messages to the door logic. Retained ONLINE is published
 * on every (re)connect and retained OFFLINE on {@link #close()}. A session's Last Will (OFFLINE) and its ONLINE carry
 * the same {@code at}, the time the connection attempt began.
 *
 * <p>Subscriptions (QoS 1): {@code devices/{reader}/read} for every reader, {@code devices/{id}/state} for every lock,
 * contact and reader (tamper), {@code agents/{id}/commands} and {@code agents/{id}/access/response}.
 */
public final class MqttLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttLink.class);

    private final String agentId;
    private final String version;
    private final Clock clock;
    private final Counters counters;
    private final PahoConnection connection;
    private final MqttControllerClient controller;
    private final MqttKeyClient keys;
    private final MqttDoorDriver driver;
    private final MqttEventPublisher events;
    private volatile Consumer<PahoConnection.Inbound> inbound;
    /** When the current connection attempt began: the {@code at} of both its Last Will and its ONLINE status. */
    private volatile Instant sessionAt;

    private MqttLink(AgentConfig config, Site site, Counters counters, ScheduledExecutorService worker, Clock clock, String version) {
        this.agentId = config.agentId();
        this.version = version;
        this.clock = clock;
        this.counters = counters;
        List<PahoConnection.Subscription> subs = new ArrayList<>();
        // devices on serial buses have no MQTT topics: nobody may speak for them over MQTT
        Set<String> serial = config.serialBuses().stream()
                .flatMap(b -> b.devices().stream())
                .flatMap(d -> d instanceof SerialDeviceConfig.OsdpReader r
                        ? java.util.stream.Stream.concat(java.util.stream.Stream.of(r.id()), r.relays().keySet().stream())
                        : java.util.stream.Stream.of(d.id()))
                .collect(Collectors.toSet());
        site.readerIds().stream().filter(id -> !serial.contains(id)).sorted()
                .forEach(id -> subs.add(new PahoConnection.Subscription(Topics.deviceRead(id), 1)));
        site.stateDeviceIds().stream().filter(id -> !serial.contains(id)).sorted()
                .forEach(id -> subs.add(new PahoConnection.Subscription(Topics.deviceState(id), 1)));
        subs.add(new PahoConnection.Subscription(Topics.agentCommands(agentId), 1));
        subs.add(new PahoConnection.Subscription(Topics.agentAccessResponse(agentId), 1));
        if (!config.serialBuses().isEmpty()) {
            subs.add(new PahoConnection.Subscription(Topics.agentKeyResponse(agentId), 1));
        }
        this.connection = new PahoConnection(
                config.mqtt(),
                agentId,
                Topics.agentStatus(agentId),
                this::willForNextSession,
                subs,
                this::dispatch,
                this::onConnected,
                worker,
                counters);
        this.controller = new MqttControllerClient(agentId, connection, worker, counters);
        this.keys = new MqttKeyClient(agentId, connection, counters);
        this.driver = new MqttDoorDriver(connection, counters);
        this.events = new MqttEventPublisher(agentId, connection, counters);
    }

    /** Builds the link; nothing connects until {@link #start}. */
    public static MqttLink create(AgentConfig config, Site site, Counters counters, ScheduledExecutorService worker, Clock clock, String version) {
        return new MqttLink(config, site, counters, worker, clock, version);
    }

    public AskController controller() {
        return controller;
    }

    /** OSDP Secure Channel keys from the controller (blocking; never call it on the agent's worker). */
    public MqttKeyClient readerKeys() {
        return keys;
    }

    public DriveDoor doorDriver() {
        return driver;
    }

    /** QoS 1 delivery of journaled events, confirmed by PUBACK (the journal's forwarder uses it). */
    public DeliverEvent eventDelivery() {
        return events;
    }

    /** Binds inbound messages to the door logic and starts connecting (in the background). */
    public void start(AccessFlow access, DoorStates states, DoorCommands commands) {
        this.inbound = new AgentInbound(agentId, access, states, commands, controller, keys, counters);
        connection.start();
    }

    public boolean isConnected() {
        return connection.isConnected();
    }

    /** Publishes the retained OFFLINE status (waiting up to 2 s for the broker to take it) and disconnects cleanly. */
    @Override
    public void close() {
        if (connection.isConnected()) {
            try {
                connection.publish(Topics.agentStatus(agentId), status(AgentStatus.State.OFFLINE, clock.instant()), 1, true, PahoConnection.WhenOffline.DROP, null)
                        .get(2, TimeUnit.SECONDS);
                LOG.info("status OFFLINE published");
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("could not publish OFFLINE status: {}", PahoConnection.describe(e.getCause() == null ? e : e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        connection.close();
    }

    private void dispatch(PahoConnection.Inbound message) {
        Consumer<PahoConnection.Inbound> target = inbound;
        if (target != null) {
            target.accept(message);
        }
    }

    /**
     * The Last Will of the session about to be opened. Its {@code at} is also the {@code at} of that session's ONLINE
     * status, so the will is never older than the ONLINE it follows (a will is fixed at CONNECT, before ONLINE).
     */
    private byte[] willForNextSession() {
        Instant at = clock.instant();
        sessionAt = at;
        return status(AgentStatus.State.OFFLINE, at);
    }

    private void onConnected() {
        events.connected();
        connection.publish(Topics.agentStatus(agentId), status(AgentStatus.State.ONLINE, sessionAt), 1, true, PahoConnection.WhenOffline.DROP, null)
                .whenComplete((ok, e) -> {
                    if (e != null) {
                        LOG.warn("could not publish ONLINE status: {}", PahoConnection.describe(e));
                    } else {
                        LOG.info("status ONLINE published on {}", Topics.agentStatus(agentId));
                    }
                });
    }

    private byte[] status(AgentStatus.State state, Instant at) {
        return ContractJson.write(new AgentStatus(agentId, state, at, version));
    }
}
