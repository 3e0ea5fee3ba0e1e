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
import dev.warden.controller.schedule.ScheduleRepository;
import dev.warden.controller.schedule.ScheduleWindowRepository;
import dev.warden.controller.site.AreaRepository;
import dev.warden.controller.site.SiteRepository;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the demo site (see {@link DemoSite}) when {@code warden.demo.dir} is set and the database holds no site,
 * door or person; otherwise does nothing and leaves the files alone. Access data goes in one transaction, then
 * the operators, then the MQTT accounts (the agent, its MQTT-native devices, the standalone readers; serial devices
 * have none), then the files: credentials.txt, agent.yaml, sim.yaml.
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
    private final OperatorService operators;
    private final MqttAccounts mqttAccounts;
    private final AccessIndex index;
    private final Clock clock;
    private final String dir;
    private final String mqttUri;
    private final String apiUrl;

    public DemoSeeder(TransactionOperations<Connection> transactions, SiteRepository sites, AreaRepository areas,
                      DoorRepository doors, DoorStateRepository doorStates, ScheduleRepository schedules,
                      ScheduleWindowRepository windows, AccessLevelRepository levels,
                      AccessLevelDoorRepository levelDoors, PersonRepository people, CredentialRepository credentials,
                      AssignmentRepository assignments, FingerprintRepository fingerprints,
                      OperatorService operators, MqttAccounts mqttAccounts,
                      AccessIndex index, Clock clock,
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
        this.operators = operators;
        this.mqttAccounts = mqttAccounts;
        this.index = index;
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
        DemoSite site = new DemoSite(now);
        DemoSecrets secrets = new DemoSecrets();
        OPERATOR_ORDER.forEach(secrets::operator);
        secrets.mqtt(DemoSite.AGENT);
        DemoFiles.agentDevices().forEach(secrets::mqtt);
        DemoFiles.standaloneReaders().forEach(secrets::mqtt);

        transactions.executeWrite(status -> {
            store(site);
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
        LOG.info("Demo site {} seeded: {} doors, {} people, {} credentials, {} fingerprints. REST API {}/api/v1 ; "
                        + "operator and MQTT passwords in {} ; agent config {} ; simulator config {}",
                DemoSite.SITE, site.doors.size(), site.people.size(), site.credentials.size(),
                site.fingerprints.size(), apiUrl,
                folder.resolve(DemoFiles.CREDENTIALS), folder.resolve(DemoFiles.AGENT), folder.resolve(DemoFiles.SIM));
        return true;
    }

    private void store(DemoSite site) {
        sites.save(site.site);
        areas.saveAll(site.areas); // parents precede their children in the list
        for (DoorRow door : site.doors) {
            doors.save(door);
            doorStates.save(new DoorStateRow(door.id(), DoorLiveState.UNKNOWN.name(), null));
        }
        schedules.saveAll(site.schedules);
        windows.saveAll(site.windows);
        levels.saveAll(site.levels);
        List<AccessLevelDoorRow> links = new ArrayList<>();
        site.levelDoors.forEach((level, doorIds) -> doorIds.forEach(d -> links.add(new AccessLevelDoorRow(null, level, d))));
        levelDoors.saveAll(links);
        people.saveAll(site.people);
        credentials.saveAll(site.credentials);
        assignments.saveAll(site.assignments);
        fingerprints.saveAll(site.fingerprints);
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
