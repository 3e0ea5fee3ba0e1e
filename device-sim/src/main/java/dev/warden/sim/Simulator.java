package dev.warden.sim;

import dev.warden.contract.ContractJson;
import dev.warden.contract.DecisionMessage;
import dev.warden.contract.DeviceCommand;
import dev.warden.contract.DeviceState;
import dev.warden.contract.ReaderRead;
import dev.warden.sim.Observation.Outcome;
import dev.warden.sim.config.CardSpec;
import dev.warden.sim.config.DeviceSpec;
import dev.warden.sim.config.SimConfig;
import dev.warden.sim.config.StandaloneReaderSpec;
import dev.warden.sim.device.DeviceChannel;
import dev.warden.sim.device.DeviceNetwork;
import dev.warden.sim.device.ReaderIndication;
import dev.warden.sim.device.SimContact;
import dev.warden.sim.device.SimLock;
import dev.warden.sim.device.SimReader;
import dev.warden.sim.device.StandaloneReader;
import dev.warden.sim.fingerprint.SimFingerprintModule;
import dev.warden.sim.modbus.SimEnvironmentSensor;
import dev.warden.sim.modbus.SimTurnstile;
import dev.warden.sim.mqtt.MqttDeviceNetwork;
import dev.warden.sim.osdp.SimOsdpReader;
import dev.warden.sim.serial.SerialSimulation;
import dev.warden.sim.walker.ReadKind;
import dev.warden.sim.walker.Step;
import dev.warden.sim.walker.WalkPlan;
import dev.warden.sim.walker.Walker;
import dev.warden.sim.wiegand.H10301Encoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device simulator: every configured device as its own MQTT client, plus the walker. Programmatic API for tests
 * and the demo:
 *
 * <pre>
 * Simulator sim = Simulator.start(config);
 * Observation seen = sim.present("rdr-gate-1", card).get(10, SECONDS);
 * sim.stop();
 * </pre>
 *
 * Presentations at the same reader happen one after the other (like people queueing at a door); presentations
 * at different readers run in parallel. For a reader behind an edge agent the outcome is the LED command it
 * receives, plus the UNLOCK its door's simulated lock receives; for a standalone reader it is the controller's
 * decision.
 *
 * <p>Scenarios (issue 4) act on the simulated hardware directly: {@link #present(String, CardSpec, String) a card
 * with a PIN}, {@link #forceOpen a forced door}, {@link #holdOpen a door held open}, {@link #tailgate tailgaters at a
 * turnstile}, {@link #setReading a sensor's measured value} and {@link #raiseInput an alarm input}.
 */
public final class Simulator implements AutoCloseable {

    /** How long a reader waits for an outcome before reporting NO_RESPONSE. */
    public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(5);
    /** After a green LED, how long to wait for the door's lock to report the UNLOCK command. */
    static final Duration UNLOCK_GRACE = Duration.ofSeconds(2);
    /** At a card + fingerprint door the agent waits up to 10 s for the finger before it asks the controller. */
    static final Duration FINGER_GRACE = Duration.ofSeconds(10);
    /** How long a presentation at an OSDP reader waits for the reader's LED to go back to idle (previous verdict). */
    static final Duration IDLE_WAIT = Duration.ofSeconds(8);
    /** How long a forced door stays open. */
    public static final Duration FORCED_OPEN_FOR = Duration.ofSeconds(2);
    /** After a grant at a turnstile's door, when the person walks through; each tailgater follows this much later. */
    static final Duration WALK_THROUGH_AFTER = Duration.ofMillis(300);
    /** The PIN rule of a read (the MQTT contract's): 4 to 12 digits. */
    private static final String PIN = "[0-9]{4,12}";

    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);

    private final SimConfig config;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final Map<String, SimReader> readers = new LinkedHashMap<>();
    private final Map<String, StandaloneReader> standalone = new LinkedHashMap<>();
    private final Map<String, SimLock> locksByDoor = new LinkedHashMap<>();
    private final Map<String, SimContact> contactsByDoor = new LinkedHashMap<>();
    private final List<DeviceChannel> channels = new ArrayList<>();
    private final Map<String, CompletableFuture<Observation>> queueTails = new ConcurrentHashMap<>();
    private final Walker walker;
    private final SerialSimulation serial;
    private volatile boolean stopped;

    private Simulator(SimConfig config, Clock clock, Random random, DeviceNetwork network, ScheduledExecutorService executor) {
        this.config = config;
        this.clock = clock;
        this.executor = executor;
        for (DeviceSpec d : config.devices()) {
            switch (d.kind()) {
                case READER -> readers.put(d.id(), new SimReader(d, clock));
                case LOCK -> locksByDoor.put(d.doorId(), new SimLock(d, clock, executor));
                case CONTACT -> contactsByDoor.put(d.doorId(), new SimContact(d, clock, executor));
            }
        }
        for (StandaloneReaderSpec s : config.standaloneReaders()) {
            standalone.put(s.id(), new StandaloneReader(s));
        }
        locksByDoor.forEach((door, lock) -> {
            SimContact contact = contactsByDoor.get(door);
            if (contact != null) {
                lock.onUnlock(contact::doorUnlocked);
            }
        });
        Map<String, String> passwords = new LinkedHashMap<>();
        config.devices().forEach(d -> passwords.put(d.id(), d.password()));
        config.standaloneReaders().forEach(s -> passwords.put(s.id(), s.password()));

        for (SimReader r : readers.values()) {
            DeviceChannel c = network.join(r.id(), passwords.get(r.id()), List.of(r.commandTopic()), r::onMessage, () -> {});
            r.attach(c);
            channels.add(c);
        }
        for (SimLock l : locksByDoor.values()) {
            DeviceChannel c = network.join(l.id(), passwords.get(l.id()), List.of(l.commandTopic()), l::onMessage, l::announce);
            l.attach(c);
            channels.add(c);
        }
        for (SimContact k : contactsByDoor.values()) {
            DeviceChannel c = network.join(k.id(), passwords.get(k.id()), List.of(), (t, p) -> {}, k::announce);
            k.attach(c);
            channels.add(c);
        }
        for (StandaloneReader s : standalone.values()) {
            DeviceChannel c = network.join(s.id(), passwords.get(s.id()), List.of(s.decisionTopic()), s::onMessage, () -> {});
            s.attach(c);
            channels.add(c);
        }

        this.serial = SerialSimulation.start(config.serialBuses(), config.dataDir(), config.seed());

        List<String> walkReaders = new ArrayList<>(readers.keySet());
        walkReaders.addAll(standalone.keySet());
        walkReaders.addAll(serial.osdpReaderIds());
        if (config.ratePerSecond() > 0 && !walkReaders.isEmpty() && !config.cards().isEmpty()) {
            WalkPlan plan = new WalkPlan(walkReaders, config.cards(), config.pairReaders(), config.escorts(), config.ratePerSecond(), random);
            this.walker = new Walker(plan, this::present, this::ready, executor);
        } else {
            this.walker = null;
            if (config.ratePerSecond() > 0) {
                LOG.info("walker off: it needs at least one reader and one card");
            }
        }
    }

    /** Starts all devices and the walker with the system clock and a {@link Random} seeded from the config. */
    public static Simulator start(SimConfig config) {
        return start(config, Clock.systemUTC(), new Random(config.seed()));
    }

    /** Starts all devices (connecting in the background) and the walker. */
    public static Simulator start(SimConfig config, Clock clock, Random random) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-devices");
            t.setDaemon(true);
            return t;
        });
        Simulator sim = new Simulator(config, clock, random, new MqttDeviceNetwork(config.brokerUri(), executor), executor);
        if (sim.walker != null) {
            sim.walker.start();
        }
        LOG.info("simulator started: {} MQTT reader(s) behind agents, {} lock(s), {} contact(s), {} standalone reader(s), {} serial bus(es), {} card(s), walker {}",
                sim.readers.size(), sim.locksByDoor.size(), sim.contactsByDoor.size(), sim.standalone.size(), config.serialBuses().size(), config.cards().size(),
                sim.walker == null ? "off" : config.ratePerSecond() + " reads/s, seed " + config.seed());
        return sim;
    }

    /** Whether every simulated device is connected and subscribed. */
    public boolean ready() {
        return channels.stream().allMatch(DeviceChannel::isConnected);
    }

    /** Presents a decoded card at a reader (behind an agent or standalone), without a PIN. */
    public CompletableFuture<Observation> present(String readerId, CardSpec card) {
        return present(readerId, card, ReadKind.CARD, null);
    }

    /**
     * Presents a decoded card with a PIN: at an OSDP reader the PIN is typed on its keypad (digits, then {@code #})
     * before the card; at an MQTT reader (behind an agent or standalone) it is the read's {@code pin}.
     *
     * @param pin 4..12 digits, or {@code null} for none
     */
    public CompletableFuture<Observation> present(String readerId, CardSpec card, String pin) {
        return present(readerId, card, ReadKind.CARD, pin);
    }

    /** Presents a card at a reader in the given way (decoded, raw Wiegand, deliberately broken…), without a PIN. */
    public CompletableFuture<Observation> present(String readerId, CardSpec card, ReadKind kind) {
        return present(readerId, card, kind, null);
    }

    /** Presents a card at a reader in the given way, with a PIN typed first ({@code null}: none). */
    public CompletableFuture<Observation> present(String readerId, CardSpec card, ReadKind kind, String pin) {
        if (!readers.containsKey(readerId) && !standalone.containsKey(readerId) && serial.osdpReader(readerId).isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no simulated reader " + readerId));
        }
        if (pin != null && !pin.matches(PIN)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("a PIN is 4 to 12 digits"));
        }
        if (stopped) {
            return CompletableFuture.failedFuture(new IllegalStateException("simulator stopped"));
        }
        return queueTails.compute(readerId, (id, tail) -> (tail == null ? CompletableFuture.<Observation>completedFuture(null) : tail)
                .handle((previous, e) -> null)
                .thenCompose(ignored -> presentNow(readerId, card, kind, pin)));
    }

    private CompletableFuture<Observation> present(Step step) {
        return present(step.readerId(), step.card(), step.kind(), step.pin());
    }

    private CompletableFuture<Observation> presentNow(String readerId, CardSpec card, ReadKind kind, String pin) {
        String requestId = UUID.randomUUID().toString();
        byte[] payload = payload(requestId, card, kind, pin);
        long started = System.nanoTime();
        SimReader reader = readers.get(readerId);
        if (reader != null) {
            return presentBehindAgent(reader, requestId, kind, payload, started);
        }
        Optional<SimOsdpReader> osdp = serial.osdpReader(readerId);
        if (osdp.isPresent()) {
            return presentAtOsdpReader(osdp.get(), requestId, card, kind, pin, started);
        }
        return presentStandalone(standalone.get(readerId), requestId, kind, payload, started);
    }

    private CompletableFuture<Observation> presentBehindAgent(SimReader reader, String requestId, ReadKind kind, byte[] payload, long started) {
        if (kind == ReadKind.MALFORMED_JSON) {
            reader.send(payload);
            return CompletableFuture.completedFuture(
                    new Observation(reader.id(), requestId, kind, Outcome.IGNORED, null, 0, null, since(started)));
        }
        SimLock lock = locksByDoor.get(reader.doorId());
        CompletableFuture<DeviceCommand> led = reader.nextLed();
        CompletableFuture<Long> unlock = lock == null ? CompletableFuture.completedFuture(0L) : lock.nextUnlock();
        reader.send(payload);
        return led.orTimeout(RESPONSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).handle((command, e) -> {
            if (e != null) {
                reader.forget(led);
                forget(lock, unlock);
                return CompletableFuture.completedFuture(
                        new Observation(reader.id(), requestId, kind, Outcome.NO_RESPONSE, null, 0, null, since(started)));
            }
            if ("GREEN".equals(command.color())) {
                serial.turnstileAt(reader.doorId()).ifPresent(this::walkThrough);
                return unlock.completeOnTimeout(0L, UNLOCK_GRACE.toMillis(), TimeUnit.MILLISECONDS).thenApply(ms -> {
                    forget(lock, unlock);
                    return new Observation(reader.id(), requestId, kind, Outcome.GRANTED, command.color(), ms, null, since(started));
                });
            }
            forget(lock, unlock);
            return CompletableFuture.completedFuture(
                    new Observation(reader.id(), requestId, kind, Outcome.DENIED, command.color(), 0, null, since(started)));
        }).thenCompose(f -> f);
    }

    /**
     * A card at a simulated OSDP reader: wait until the reader is idle (LED off), present the card bits; at a card +
     * fingerprint door, once the reader turns amber ("finger, please"), put the holder's finger on the module; then
     * wait for the panel's verdict on the LED (green or red). The finger is lifted afterwards.
     */
    private CompletableFuture<Observation> presentAtOsdpReader(
            SimOsdpReader reader, String requestId, CardSpec card, ReadKind kind, String pin, long started) {
        if (!"H10301".equals(card.format())) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "simulated OSDP readers send H10301 cards only (card " + card.label() + " is " + card.format() + ")"));
        }
        String bits = kind == ReadKind.BAD_PARITY || kind == ReadKind.MALFORMED_JSON
                ? H10301Encoder.encodeWithParityError(card.facility(), card.number())
                : H10301Encoder.encode(card.facility(), card.number());
        Optional<SimFingerprintModule> module = serial.fingerprintModuleAt(reader.id());
        Duration wait = RESPONSE_TIMEOUT.plus(module.isPresent() ? FINGER_GRACE : Duration.ZERO);
        return poll(() -> reader.ledColor() == SimOsdpReader.LedColor.OFF, IDLE_WAIT)
                .thenCompose(idle -> {
                    long emptyScans = module.map(SimFingerprintModule::emptyScans).orElse(0L);
                    if (pin != null) {
                        reader.pressKeys(pin + "#");
                    }
                    reader.presentCard(bits);
                    if (module.isEmpty()) {
                        return CompletableFuture.completedFuture(true);
                    }
                    // the reader turns amber and the module is scanning (it found the sensor empty): the person puts
                    // their finger down (the agent never uses a finger that was on the sensor before it asked)
                    return poll(() -> reader.ledColor() == SimOsdpReader.LedColor.GREEN || reader.ledColor() == SimOsdpReader.LedColor.RED
                                    || reader.ledColor() == SimOsdpReader.LedColor.AMBER && module.get().emptyScans() > emptyScans,
                            RESPONSE_TIMEOUT)
                            .thenApply(ready -> {
                                if (reader.ledColor() == SimOsdpReader.LedColor.AMBER) {
                                    module.get().placeFinger(card.label().split(" ")[0]);
                                }
                                return ready;
                            });
                })
                .thenCompose(asked -> poll(() -> reader.ledColor() == SimOsdpReader.LedColor.GREEN
                        || reader.ledColor() == SimOsdpReader.LedColor.RED, wait))
                .thenApply(seen -> {
                    module.ifPresent(SimFingerprintModule::liftFinger);
                    SimOsdpReader.LedColor led = reader.ledColor();
                    Outcome outcome = !seen ? Outcome.NO_RESPONSE : led == SimOsdpReader.LedColor.GREEN ? Outcome.GRANTED : Outcome.DENIED;
                    return new Observation(reader.id(), requestId, kind, outcome, seen ? led.name() : null, 0, null, since(started));
                });
    }

    /** Completes with true as soon as {@code condition} holds (checked every 20 ms), or false after {@code limit}. */
    private CompletableFuture<Boolean> poll(BooleanSupplier condition, Duration limit) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        long deadline = System.nanoTime() + limit.toNanos();
        Runnable check = new Runnable() {
            @Override
            public void run() {
                if (result.isDone()) {
                    return;
                }
                if (condition.getAsBoolean()) {
                    result.complete(true);
                } else if (System.nanoTime() >= deadline || stopped) {
                    result.complete(false);
                } else {
                    executor.schedule(this, 20, TimeUnit.MILLISECONDS);
                }
            }
        };
        executor.execute(check);
        return result;
    }

    private static void forget(SimLock lock, CompletableFuture<Long> unlock) {
        if (lock != null) {
            lock.forget(unlock);
        }
    }

    private CompletableFuture<Observation> presentStandalone(StandaloneReader reader, String requestId, ReadKind kind, byte[] payload, long started) {
        CompletableFuture<DecisionMessage> decision = reader.awaitDecision(requestId);
        reader.send(payload);
        return decision.orTimeout(RESPONSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).handle((d, e) -> {
            if (e != null) {
                reader.forget(requestId);
                if (!(e instanceof TimeoutException)) {
                    LOG.warn("reader {}: {}", reader.id(), e.getMessage());
                }
                return new Observation(reader.id(), requestId, kind, Outcome.NO_RESPONSE, null, 0, null, since(started));
            }
            Outcome outcome = switch (d.decision()) {
                case GRANT -> Outcome.GRANTED;
                case DENY -> Outcome.DENIED;
                case REJECTED -> Outcome.REJECTED;
            };
            return new Observation(reader.id(), requestId, kind, outcome, null, d.unlockMs(), d.reason(), since(started));
        });
    }

    private byte[] payload(String requestId, CardSpec card, ReadKind kind, String pin) {
        Instant now = clock.instant();
        return switch (kind) {
            case CARD, UNKNOWN_CARD -> ContractJson.write(new ReaderRead(requestId, now, card.toCardData(), null, pin));
            case WIEGAND -> ContractJson.write(new ReaderRead(requestId, now, null, H10301Encoder.encode(card.facility(), card.number()), pin));
            case BAD_PARITY -> ContractJson.write(new ReaderRead(requestId, now, null, H10301Encoder.encodeWithParityError(card.facility(), card.number()), pin));
            case MALFORMED_JSON -> ("{\"requestId\":\"" + requestId + "\",\"timestamp\":").getBytes(StandardCharsets.UTF_8);
        };
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /**
     * A person granted at a turnstile's door walks through it, {@link #WALK_THROUGH_AFTER} later; the tailgaters
     * {@link #tailgate} asked for follow, one every {@link #WALK_THROUGH_AFTER}.
     */
    private void walkThrough(SimTurnstile gate) {
        int people = 1 + gate.takeTailgaters();
        for (int i = 1; i <= people; i++) {
            int n = i;
            executor.schedule(() -> {
                SimTurnstile.Passage passage = gate.pass();
                if (n > 1) {
                    LOG.info("turnstile {}: tailgater {} of {} passes ({})", gate.id(), n - 1, people - 1, passage);
                }
            }, WALK_THROUGH_AFTER.toMillis() * i, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Someone forces a door: its simulated contact reports OPEN with the lock left locked, and CLOSED
     * {@link #FORCED_OPEN_FOR} later. Works for a door with a simulated MQTT contact and for a door a simulated
     * turnstile stands in (its door contact input).
     *
     * @throws IllegalArgumentException if the door has no simulated contact
     * @throws IllegalStateException if someone is passing through the door right now (it is already open)
     */
    public void forceOpen(String doorId) {
        SimContact contact = contactsByDoor.get(doorId);
        if (contact != null) {
            if (!contact.forceOpen(FORCED_OPEN_FOR)) {
                throw new IllegalStateException("door " + doorId + " is open for a passage right now");
            }
            return;
        }
        SimTurnstile gate = serial.turnstileAt(doorId)
                .orElseThrow(() -> new IllegalArgumentException("door " + doorId + " has no simulated contact"));
        LOG.info("turnstile {}: its door is forced open for {} ms", gate.id(), FORCED_OPEN_FOR.toMillis());
        gate.setDoorOpen(true);
        executor.schedule(() -> gate.setDoorOpen(false), FORCED_OPEN_FOR.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * After the next unlock of the door, the person leaves it open for {@code openFor} (instead of letting it close
     * after {@link SimContact#CLOSED_AFTER}). For doors with a simulated MQTT lock and contact.
     *
     * @throws IllegalArgumentException if the door has no simulated lock and contact, or {@code openFor} is not positive
     */
    public void holdOpen(String doorId, Duration openFor) {
        SimContact contact = contactsByDoor.get(doorId);
        if (contact == null || !locksByDoor.containsKey(doorId)) {
            throw new IllegalArgumentException("door " + doorId + " has no simulated lock and contact");
        }
        contact.holdNextPassage(openFor);
    }

    /**
     * The next person walked through the turnstile {@code gateDeviceId} (after a grant at its door) takes {@code extra}
     * more people with them: 1 + extra passages on one permit.
     *
     * @throws IllegalArgumentException if there is no such simulated turnstile, or {@code extra} is negative
     */
    public void tailgate(String gateDeviceId, int extra) {
        serial.turnstile(gateDeviceId)
                .orElseThrow(() -> new IllegalArgumentException("no simulated turnstile " + gateDeviceId))
                .addTailgaters(extra);
        LOG.info("turnstile {}: {} tailgater(s) wait for the next permit", gateDeviceId, extra);
    }

    /**
     * Sets what a simulated Modbus environment sensor measures: {@code temperature} (°C) or {@code humidity} (%RH),
     * kept to a tenth as its register holds it. The agent reports it on its next poll.
     *
     * @throws IllegalArgumentException for an unknown sensor or metric, or a value that is not finite
     */
    public void setReading(String sensorId, String metric, double value) {
        SimEnvironmentSensor sensor = serial.environmentSensor(sensorId)
                .orElseThrow(() -> new IllegalArgumentException("no simulated environment sensor " + sensorId));
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a reading must be a finite number");
        }
        switch (metric) {
            case "temperature" -> sensor.setTemperature(value);
            case "humidity" -> sensor.setHumidity(value);
            default -> throw new IllegalArgumentException("sensor " + sensorId + " measures temperature or humidity, not " + metric);
        }
        LOG.info("sensor {}: {} set to {}", sensorId, metric, value);
    }

    /**
     * Switches an alarm input of a simulated serial device: {@code smoke}, {@code leak} or {@code power} (supply
     * failed) of an environment sensor; {@code tamper} of a turnstile or an OSDP reader.
     *
     * @throws IllegalArgumentException for an unknown device, or an input the device does not have
     */
    public void raiseInput(String sensorId, String input, boolean active) {
        Optional<SimEnvironmentSensor> sensor = serial.environmentSensor(sensorId);
        Optional<SimTurnstile> gate = serial.turnstile(sensorId);
        Optional<SimOsdpReader> reader = serial.osdpReader(sensorId);
        if (sensor.isPresent() && input.equals("smoke")) {
            sensor.get().setSmoke(active);
        } else if (sensor.isPresent() && input.equals("leak")) {
            sensor.get().setLeak(active);
        } else if (sensor.isPresent() && input.equals("power")) {
            sensor.get().setPowerFailure(active);
        } else if (gate.isPresent() && input.equals("tamper")) {
            gate.get().setTamper(active);
        } else if (reader.isPresent() && input.equals("tamper")) {
            reader.get().setTamper(active);
        } else if (sensor.isPresent() || gate.isPresent() || reader.isPresent()) {
            throw new IllegalArgumentException("device " + sensorId + " has no input " + input
                    + (sensor.isPresent() ? " (smoke, leak, power)" : " (tamper)"));
        } else {
            throw new IllegalArgumentException("no simulated sensor, turnstile or OSDP reader " + sensorId);
        }
        LOG.info("device {}: input {} {}", sensorId, input, active ? "ACTIVE" : "CLEARED");
    }

    /** What a reader behind an agent shows now (LED, buzzer). */
    public Optional<ReaderIndication> readerIndication(String readerId) {
        return Optional.ofNullable(readers.get(readerId)).map(SimReader::indication);
    }

    /** The state of a door's simulated lock. */
    public Optional<DeviceState.State> lockState(String doorId) {
        return Optional.ofNullable(locksByDoor.get(doorId)).map(SimLock::state);
    }

    /** The state of a door's simulated contact. */
    public Optional<DeviceState.State> contactState(String doorId) {
        return Optional.ofNullable(contactsByDoor.get(doorId)).map(SimContact::state);
    }

    /** The simulated serial devices (OSDP readers, fingerprint modules, Modbus devices) and their lines. */
    public SerialSimulation serial() {
        return serial;
    }

    /** The last decision a standalone reader received. */
    public Optional<DecisionMessage> lastDecision(String readerId) {
        return Optional.ofNullable(standalone.get(readerId)).map(StandaloneReader::lastDecision);
    }

    /** How many reads the walker has presented so far. */
    public long walkerReads() {
        return walker == null ? 0 : walker.reads();
    }

    public SimConfig config() {
        return config;
    }

    /** Stops the walker and disconnects every device. Idempotent. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (walker != null) {
            walker.close();
        }
        channels.forEach(DeviceChannel::close);
        serial.close();
        executor.shutdownNow();
        LOG.info("simulator stopped");
    }

    @Override
    public void close() {
        stop();
    }
}
