package dev.warden.controller.demo;

import dev.warden.controller.access.AccessLevelDoorRepository;
import dev.warden.controller.access.AccessLevelDoorRow;
import dev.warden.controller.access.AccessLevelRepository;
import dev.warden.controller.access.AssignmentRepository;
import dev.warden.controller.credential.CredentialRepository;
import dev.warden.controller.decision.AccessIndex;
import dev.warden.controller.door.DoorLiveState;
import dev.warden.controller.door.DoorRepository;
import dev.warden.controller.door.DoorRow;
import dev.warden.controller.door.DoorStateRepository;
import dev.warden.controller.door.DoorStateRow;
import dev.warden.controller.fingerprint.FingerprintRepository;
import dev.warden.controller.mqtt.DeviceAcls;
import dev.warden.controller.mqtt.MqttAccounts;
import dev.warden.controller.operator.OperatorInput;
import dev.warden.controller.operator.OperatorService;
import dev.warden.controller.operator.Roles;
import dev.warden.controller.person.PersonRepository;
import dev.warden.controller.person.PersonRow;
import dev.warden.controller.person.PinPepper;
import dev.warden.controller.schedule.ScheduleRepository;
import dev.warden.controller.schedule.ScheduleWindowRepository;
import dev.warden.controller.site.AreaRepository;
import dev.warden.controller.site.HolidayRepository;
import dev.warden.controller.site.SiteRepository;
import dev.warden.controller.visit.VisitAreaRepository;
import dev.warden.controller.visit.VisitAreaRow;
import dev.warden.controller.visit.VisitRepository;
import dev.warden.controller.visit.VisitRow;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the demo site (see {@link DemoSite}) when {@code warden.demo.dir} is set and the database holds no site,
 * door or person; otherwise does nothing and leaves the files alone. Access data goes in one transaction, then
 * the operators, then the MQTT accounts (the agent, its MQTT-native devices, the standalone readers; serial devices
 * have none), then the files: credentials.txt, agent.yaml, sim.yaml, pins.txt (the people's PINs, hashed in the
 * database; the file is the only place they are written, never a log line).
 */
@Singleton
public class DemoSeeder {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

    /** Demo operators and their roles, in file order. */
    static final Map<String, List<String>> OPERATORS = Map.of(
            "admin", List.of(Roles.ADMIN),
            "supervisor", List.of(Roles.SUPERVISOR, Roles.GUARD),
            "guard", List.of(Roles.GUARD));
    static final List<String> OPERATOR_ORDER = List.of("admin", "supervisor", "guard");

    private final TransactionOperations<Connection> transactions;
    private final SiteRepository sites;
    private final AreaRepository areas;
    private final DoorRepository doors;
    private final DoorStateRepository doorStates;
    private final ScheduleRepository schedules;
    private final ScheduleWindowRepository windows;
    private final AccessLevelRepository levels;
    private final AccessLevelDoorRepository levelDoors;
    private final PersonRepository people;
    private final CredentialRepository credentials;
    private final AssignmentRepository assignments;
    private final FingerprintRepository fingerprints;
    private final HolidayRepository holidays;
    private final VisitRepository visits;
    private final VisitAreaRepository visitAreas;
    private final OperatorService operators;
    private final MqttAccounts mqttAccounts;
    private final AccessIndex index;
    private final PinPepper pepper;
    private final Clock clock;
    private final String dir;
    private final String mqttUri;
    private final String apiUrl;

    public DemoSeeder(TransactionOperations<Connection> transactions, SiteRepository sites, AreaRepository areas,
                      DoorRepository doors, DoorStateRepository doorStates, ScheduleRepository schedules,
                      ScheduleWindowRepository windows, AccessLevelRepository levels,
                      AccessLevelDoorRepository levelDoors, PersonRepository people, CredentialRepository credentials,
                      AssignmentRepository assignments, FingerprintRepository fingerprints,
                      HolidayRepository holidays, VisitRepository visits, VisitAreaRepository visitAreas,
                      OperatorService operators, MqttAccounts mqttAccounts,
                      AccessIndex index, Clock clock, PinPepper pepper,
                      @Nullable @Value("${warden.demo.dir:}") String dir,
                      @Value("${warden.demo.mqtt-uri:`tcp://127.0.0.1:1883`}") String mqttUri,
                      @Value("${warden.demo.api-url:`http://localhost:8081`}") String apiUrl) {
        this.transactions = transactions;
        this.sites = sites;
        this.areas = areas;
        this.doors = doors;
        this.doorStates = doorStates;
        this.schedules = schedules;
        this.windows = windows;
        this.levels = levels;
        this.levelDoors = levelDoors;
        this.people = people;
        this.credentials = credentials;
        this.assignments = assignments;
        this.fingerprints = fingerprints;
        this.holidays = holidays;
        this.visits = visits;
        this.visitAreas = visitAreas;
        this.operators = operators;
        this.mqttAccounts = mqttAccounts;
        this.index = index;
        this.pepper = pepper;
        this.clock = clock;
        this.dir = dir;
        this.mqttUri = mqttUri;
        this.apiUrl = apiUrl;
    }

    /** Seeds if asked to and the database is empty. Returns true when it seeded. */
    public boolean seedIfRequested() {
        if (dir == null || dir.isBlank()) {
            return false;
        }
        Path folder = Path.of(dir).toAbsolutePath().normalize();
        if (sites.count() > 0 || doors.count() > 0 || people.count() > 0) {
            if (!Files.exists(folder.resolve(DemoFiles.CREDENTIALS))) {
                LOG.warn("Demo requested but the database already holds data and {} is missing; nothing was "
                        + "seeded. Delete the controller's data folder to seed the demo afresh.",
                        folder.resolve(DemoFiles.CREDENTIALS));
            } else {
                LOG.info("Demo data already present; demo passwords and device configs are in {}", folder);
            }
            return false;
        }
        Instant now = clock.instant();
        DemoSecrets secrets = new DemoSecrets();
        DemoSite site = new DemoSite(now, secrets.pinSecret());
        OPERATOR_ORDER.forEach(secrets::operator);
        secrets.mqtt(DemoSite.AGENT);
        DemoFiles.agentDevices().forEach(secrets::mqtt);
        DemoFiles.standaloneReaders().forEach(secrets::mqtt);

        transactions.executeWrite(status -> {
            store(site, now);
            return null;
        });
        index.rebuildAfterCommit();

        for (String username : OPERATOR_ORDER) {
            operators.create(new OperatorInput(username, secrets.operator(username), OPERATORS.get(username), true));
        }
        createMqttAccounts(secrets);
        try {
            DemoFiles.write(folder, site, secrets, mqttUri, apiUrl, now);
        } catch (IOException e) {
            LOG.error("Demo data was seeded but the files could not be written to {}: {}", folder, e.toString());
            return true;
        }
        LOG.info("Demo site {} seeded: {} doors, {} people, {} credentials, {} fingerprints, {} PINs, {} visits. "
                        + "REST API {}/api/v1 ; operator and MQTT passwords in {} ; PINs in {} ; agent config {} ; "
                        + "simulator config {}",
                DemoSite.SITE, site.doors.size(), site.people.size(), site.credentials.size(),
                site.fingerprints.size(), site.pins.size(), site.visits.size(), apiUrl,
                folder.resolve(DemoFiles.CREDENTIALS), folder.resolve(DemoFiles.PINS), folder.resolve(DemoFiles.AGENT),
                folder.resolve(DemoFiles.SIM));
        return true;
    }

    private void store(DemoSite site, Instant now) {
        sites.save(site.site);
        holidays.saveAll(site.holidays);
        areas.saveAll(site.areas); // parents precede their children in the list
        schedules.saveAll(site.schedules); // before the doors: the lobby's free access names a schedule
        windows.saveAll(site.windows);
        for (DoorRow door : site.doors) {
            doors.save(door);
            doorStates.save(new DoorStateRow(door.id(), DoorLiveState.UNKNOWN.name(), null));
        }
        levels.saveAll(site.levels);
        List<AccessLevelDoorRow> links = new ArrayList<>();
        site.levelDoors.forEach((level, doorIds) -> doorIds.forEach(d -> links.add(new AccessLevelDoorRow(null, level, d))));
        levelDoors.saveAll(links);
        people.saveAll(withPins(site));
        credentials.saveAll(site.credentials);
        assignments.saveAll(site.assignments);
        fingerprints.saveAll(site.fingerprints);
        for (DemoSite.DemoVisit v : site.visits) {
            visits.save(new VisitRow(v.id(), v.visitorId(), DemoSite.HOST, "APPROVED", v.from(), v.until(),
                    "Demo visit", DemoSite.VISIT_REQUESTER, now, DemoSite.VISIT_APPROVER, now, null, null, null));
            visitAreas.saveAll(v.areaIds().stream().map(a -> new VisitAreaRow(null, v.id(), a)).toList());
        }
    }

    /**
     * The people with their demo PINs hashed (a fresh random salt per person, keyed with the {@link PinPepper}), as
     * {@code PersonService} stores them.
     */
    private List<PersonRow> withPins(DemoSite site) {
        SecureRandom random = new SecureRandom();
        HexFormat hex = HexFormat.of();
        Map<String, DemoSite.DemoPin> pins = new HashMap<>();
        site.pins.forEach(p -> pins.put(p.personId(), p));
        List<PersonRow> out = new ArrayList<>(site.people.size());
        for (PersonRow p : site.people) {
            DemoSite.DemoPin pin = pins.get(p.id());
            if (pin == null) {
                out.add(p);
                continue;
            }
            byte[] salt = new byte[16];
            random.nextBytes(salt);
            out.add(p.withPin(hex.formatHex(salt), hex.formatHex(pepper.hash(pin.pin(), salt).hash()),
                    hex.formatHex(pepper.hash(pin.duressPin(), salt).hash())));
        }
        return out;
    }

    /** The standard, narrowest rights of {@link DeviceAcls}: no wildcard subtree for anyone. */
    private void createMqttAccounts(DemoSecrets secrets) {
        List<String> devices = DemoFiles.agentDevices();
        upsert(DemoSite.AGENT, secrets, DeviceAcls.agent(DemoSite.AGENT, devices));
        for (String device : devices) {
            upsert(device, secrets, DeviceAcls.device(device));
        }
        for (String reader : DemoFiles.standaloneReaders()) {
            upsert(reader, secrets, DeviceAcls.reader(reader));
        }
    }

    private void upsert(String username, DemoSecrets secrets, DeviceAcls.Acl acl) {
        mqttAccounts.upsert(username, secrets.mqtt(username), acl.publish(), acl.subscribe());
    }
}
