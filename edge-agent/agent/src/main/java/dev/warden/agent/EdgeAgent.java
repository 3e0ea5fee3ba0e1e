package dev.warden.agent;

import dev.warden.agent.codec.CodecWiegandDecoder;
import dev.warden.agent.config.AgentConfig;
import dev.warden.codec.wiegand.WiegandFormat;
import dev.warden.codec.wiegand.WiegandFormats;
import dev.warden.agent.door.AccessFlow;
import dev.warden.agent.door.DecodeWiegand;
import dev.warden.agent.door.DoorCommands;
import dev.warden.agent.door.DoorStates;
import dev.warden.agent.door.DriveDoor;
import dev.warden.agent.door.Site;
import dev.warden.agent.event.EventRecorder;
import dev.warden.agent.event.RecordEvent;
import dev.warden.agent.health.Counters;
import dev.warden.agent.journal.EventJournal;
import dev.warden.agent.journal.JournalForwarder;
import dev.warden.agent.journal.JournalSettings;
import dev.warden.agent.mqtt.MqttLink;
import dev.warden.agent.serial.RoutingDoorDriver;
import dev.warden.agent.serial.SerialDeviceEvents;
import dev.warden.agent.serial.SerialDevices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running edge agent, wired by hand: the door logic ({@link AccessFlow}, {@link DoorStates},
 * {@link DoorCommands}) on one worker thread, the event recorder writing every event to the durable journal
 * ({@link EventJournal}, in {@code <dataDir>/journal}) whose {@link JournalForwarder} sends it on, the MQTT link that
 * implements the ports, and the serial buses ({@link SerialDevices}) whose devices the door logic drives through
 * {@link RoutingDoorDriver}. {@link #start} returns at once; the agent connects (and reconnects) in the background.
 */
public final class EdgeAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeAgent.class);

    private final AgentConfig config;
    private final ScheduledExecutorService worker;
    private final Counters counters;
    private final EventRecorder events;
    private final EventJournal journal;
    private final JournalForwarder forwarder;
    private final MqttLink link;
    private final SerialDevices serial;
    private volatile boolean closed;

    private EdgeAgent(AgentConfig config, Clock clock, DecodeWiegand wiegand, JournalSettings journalSettings) throws IOException {
        this.config = config;
        this.counters = new Counters();
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "agent-" + config.agentId());
            t.setDaemon(true);
            return t;
        });
        Site site = new Site(config.doors());
        this.journal = EventJournal.open(config.dataDir(), journalSettings, counters);
        this.link = MqttLink.create(config, site, counters, worker, clock, version());
        // the journal numbers the events (SequenceStore) and holds them on disk (PublishEvent) before the forwarder sends them
        this.events = new EventRecorder(config.agentId(), journal, journal, clock);
        this.forwarder = new JournalForwarder(journal, link.eventDelivery(), counters, config.agentId());
        this.serial = SerialDevices.plan(config.serialBuses());
        DriveDoor doors = new RoutingDoorDriver(serial, link.doorDriver());
        AccessFlow access = new AccessFlow(
                site,
                config.decisionTimeout(),
                link.controller(),
                doors,
                events,
                wiegand,
                clock,
                () -> UUID.randomUUID().toString(),
                counters,
                serial);
        DoorStates states = new DoorStates(site, events, counters);
        DoorCommands commands = new DoorCommands(site, doors, events, counters);
        // the serial buses are started before the MQTT link, so that nothing the link delivers (a door command) can
        // reach the routing while the buses are still being set up
        SerialDeviceEvents deviceEvents = new SerialDeviceEvents(
                site, access, states, events, worker, clock, () -> UUID.randomUUID().toString(), counters);
        serial.start(deviceEvents, link.readerKeys()::scbk, clock, config.dataDir());
        forwarder.start();
        link.start(access, states, commands);
    }

    /** Starts an agent with the system clock, the standard Wiegand formats and the site's own. */
    public static EdgeAgent start(AgentConfig config) {
        WiegandFormats formats = WiegandFormats.standard().with(config.wiegandFormats().toArray(WiegandFormat[]::new));
        return start(config, Clock.systemUTC(), new CodecWiegandDecoder(formats));
    }

    /** Starts an agent whose journal is sized by the defaults and the {@code warden.journal.*} system properties. */
    public static EdgeAgent start(AgentConfig config, Clock clock, DecodeWiegand wiegand) {
        return start(config, clock, wiegand, JournalSettings.from(System.getProperties()));
    }

    public static EdgeAgent start(AgentConfig config, Clock clock, DecodeWiegand wiegand, JournalSettings journalSettings) {
        try {
            EdgeAgent agent = new EdgeAgent(config, clock, wiegand, journalSettings);
            LOG.info("agent {} started: {} door(s), {} serial bus(es), broker {}, decision timeout {} ms, last event seq {}, data in {}",
                    config.agentId(), config.doors().size(), config.serialBuses().size(), config.mqtt().uri(), config.decisionTimeout().toMillis(),
                    agent.lastEventSeq(), config.dataDir().toAbsolutePath());
            return agent;
        } catch (IOException e) {
            throw new UncheckedIOException("agent " + config.agentId() + " cannot use its data directory " + config.dataDir() + ": " + e.getMessage(), e);
        }
    }

    public String agentId() {
        return config.agentId();
    }

    public boolean isConnected() {
        return link.isConnected();
    }

    /** The sequence number of the last event recorded, across restarts. */
    public long lastEventSeq() {
        return events.lastSeq();
    }

    /**
     * The agent's event recorder: every event recorded here is numbered, forced to the journal and forwarded like the
     * door logic's own.
     */
    public RecordEvent eventRecorder() {
        return events;
    }

    /** The event journal's fill, last and acknowledged sequence (JOURNAL_HIGH: {@code stats().high()}). */
    public EventJournal.Stats journalStats() {
        return journal.stats();
    }

    /** Counters of rejections and degraded operation, by name. */
    public Map<String, Long> counters() {
        return counters.snapshot();
    }

    /** Clean stop: retained OFFLINE status, clean disconnect (no Last Will), worker stopped. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("agent {} stopping", config.agentId());
        serial.close();
        forwarder.close();
        link.close();
        journal.close();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(2, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("agent {} stopped; counters {}", config.agentId(), counters.snapshot());
    }

    static String version() {
        String v = EdgeAgent.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
