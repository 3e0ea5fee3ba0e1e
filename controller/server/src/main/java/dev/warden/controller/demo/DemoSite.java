package dev.warden.controller.demo;

import dev.warden.controller.access.AccessLevelRow;
import dev.warden.controller.access.AssignmentRow;
import dev.warden.controller.credential.CredentialRow;
import dev.warden.controller.door.DoorRow;
import dev.warden.controller.fingerprint.FingerprintRow;
import dev.warden.controller.person.PersonRow;
import dev.warden.controller.schedule.ScheduleRow;
import dev.warden.controller.schedule.ScheduleWindowRow;
import dev.warden.controller.site.AreaRow;
import dev.warden.controller.site.SiteRow;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The demo site's data, computed (no I/O) from a fixed seed and the seeding instant: the same on every run except
 * for the validity windows, which are relative to {@code now} so that the demo shows valid, expired and
 * not-yet-expired badges whenever it is started.
 *
 * <p>Who is who: p-0001..p-0185 employees, p-0186..p-0195 contractors (p-0186..p-0188 with expired badges),
 * p-0196..p-0200 visitors; p-0050 and p-0120 suspended; p-0077 terminated but still holding an ACTIVE badge (the
 * policy must deny it). Cards: H10301, facility 12, numbers 1001..1200 in person order; two extra cards are
 * reported LOST (1201) and REVOKED (1202).
 *
 * <p>Devices: most doors of {@value #AGENT} have MQTT-native readers, locks and contacts; hall 1 door A and cage A
 * have OSDP readers (Secure Channel required, readers in install mode at first start) on bus {@value #OSDP_BUS}
 * whose relay outputs drive the locks; cage A is a card + fingerprint door with module {@value #FP_MODULE} on bus
 * {@value #FP_BUS} (every person with cage access enrolled, p-0001 at page 1); the staff entrance is a Modbus
 * turnstile {@value #TURNSTILE} (its lock and its contact) and hall 1 has a Modbus environment sensor
 * {@value #ENV_SENSOR}, both on bus {@value #MODBUS_BUS}. Gate 1 has a standalone MQTT reader.
 */
final class DemoSite {
    static final long SEED = 42;
    static final String SITE = "DC1";
    static final String ZONE = "Europe/Berlin";
    static final String AGENT = "agent-1";
    static final String FORMAT = "H10301";
    static final long FACILITY = 12;
    static final long FIRST_CARD = 1001;
    static final int PEOPLE = 200;
    static final int CONTRACTORS_FROM = 186;
    static final int VISITORS_FROM = 196;

    static final String OSDP_BUS = "osdp-1";
    static final String FP_BUS = "fp-1";
    static final String MODBUS_BUS = "modbus-1";
    /** The fingerprint module of cage A. */
    static final String FP_MODULE = "fp-door-cage-a";
    /** The broadcast address of the ZFM family: the module answers whatever its configured address. */
    static final long FP_ADDRESS = 0xFFFFFFFFL;
    /** The Modbus turnstile of the staff entrance: it is both the door's lock (permit coil) and its contact. */
    static final String TURNSTILE = "gate-lobby-staff";
    /** The door the turnstile stands in. */
    static final String TURNSTILE_DOOR = "door-lobby-staff";
    static final String ENV_SENSOR = "env-hall-1";
    static final String CAGE_DOOR = "door-cage-a";

    /**
     * A door as the demo defines it; {@code outReader} marks doors with an exit reader. {@code lock} and
     * {@code contact} are device ids (null for the standalone gate), {@code fingerprint} the fingerprint module of a
     * card + fingerprint door (else null).
     */
    record DemoDoor(String id, String name, String areaId, boolean gate, boolean outReader, long unlockMs,
                    String lock, String contact, String fingerprint) {
        /** A door of the agent with MQTT lock {@code lock-<id>} and contact {@code dc-<id>}. */
        static DemoDoor agentDoor(String id, String name, String areaId, boolean outReader, long unlockMs) {
            return new DemoDoor(id, name, areaId, false, outReader, unlockMs, "lock-" + id, "dc-" + id, null);
        }

        /** A gate with a standalone MQTT reader {@code rdr-<id>}, no lock or contact the controller knows. */
        static DemoDoor standaloneGate(String id, String name, String areaId, long unlockMs) {
            return new DemoDoor(id, name, areaId, true, false, unlockMs, null, null, null);
        }

        DemoDoor withLockAndContact(String lockId, String contactId) {
            return new DemoDoor(id, name, areaId, gate, outReader, unlockMs, lockId, contactId, fingerprint);
        }

        DemoDoor withFingerprint(String moduleId) {
            return new DemoDoor(id, name, areaId, gate, outReader, unlockMs, lock, contact, moduleId);
        }

        String readerIn() {
            return gate ? "rdr-" + id : "rdr-" + id + "-in";
        }

        String readerOut() {
            return outReader ? "rdr-" + id + "-out" : null;
        }

        String agent() {
            return gate ? null : AGENT;
        }

        String secondFactor() {
            return fingerprint == null ? "NONE" : "FINGERPRINT";
        }
    }

    /**
     * An OSDP reader on bus {@value #OSDP_BUS}; {@code relay} is the lock it drives with its output 0, or null.
     */
    record OsdpReader(String id, int address, String relay) {}

    /** A Modbus device on bus {@value #MODBUS_BUS}. */
    record ModbusDevice(String id, int address, int pollMs, String profile) {}

    static final List<OsdpReader> OSDP_READERS = List.of(
            new OsdpReader("rdr-door-hall1-a-in", 0, "lock-door-hall1-a"),
            new OsdpReader("rdr-door-hall1-a-out", 1, null),
            new OsdpReader("rdr-door-cage-a-in", 2, "lock-door-cage-a"),
            new OsdpReader("rdr-door-cage-a-out", 3, null));

    static final List<ModbusDevice> MODBUS_DEVICES = List.of(
            new ModbusDevice(TURNSTILE, 1, 100, "TURNSTILE"),
            new ModbusDevice(ENV_SENSOR, 2, 1000, "ENVIRONMENT"));

    /** A card for the simulator's list. */
    record DemoCard(String format, long facility, long number, String label) {}

    static final List<DemoDoor> DOORS = List.of(
            DemoDoor.agentDoor("door-lobby-main", "Lobby main entrance", "lobby", true, 5000),
            DemoDoor.agentDoor("door-lobby-staff", "Lobby staff entrance", "lobby", false, 5000)
                    .withLockAndContact(TURNSTILE, TURNSTILE),
            DemoDoor.agentDoor("door-hall1-a", "Hall 1 door A", "hall-1", true, 5000),
            DemoDoor.agentDoor("door-hall1-b", "Hall 1 door B", "hall-1", false, 5000),
            DemoDoor.agentDoor("door-hall2-a", "Hall 2 door A", "hall-2", true, 5000),
            DemoDoor.agentDoor("door-hall2-b", "Hall 2 door B", "hall-2", false, 5000),
            DemoDoor.agentDoor(CAGE_DOOR, "Cage A", "cage-a", true, 4000).withFingerprint(FP_MODULE),
            DemoDoor.agentDoor("door-loading", "Loading dock", "building", false, 10000),
            DemoDoor.agentDoor("door-noc", "Network operations centre", "building", false, 5000),
            DemoDoor.standaloneGate("gate-1", "Perimeter gate 1", "building", 3000));

    /**
     * Devices on the agent's serial buses: the OSDP readers and the locks their relays drive, the fingerprint module,
     * the Modbus devices. Every other device of an agent door is MQTT-native.
     */
    static final Set<String> SERIAL_DEVICES = serialDevices();

    private static Set<String> serialDevices() {
        Set<String> ids = new LinkedHashSet<>();
        for (OsdpReader r : OSDP_READERS) {
            ids.add(r.id());
            if (r.relay() != null) {
                ids.add(r.relay());
            }
        }
        ids.add(FP_MODULE);
        MODBUS_DEVICES.forEach(m -> ids.add(m.id()));
        return Set.copyOf(ids);
    }

    private static final String[] FIRST = {"Ada", "Alan", "Grace", "Linus", "Margaret", "Dennis", "Barbara", "Ken",
        "Frances", "Edsger", "Radia", "Tim", "Hedy", "Niklaus", "Sophie", "John", "Karen", "Donald", "Mary", "Leslie",
        "Annie", "Bjarne", "Shafi", "Guido", "Joan", "Robin", "Katherine", "James", "Lynn", "Vint"};
    private static final String[] LAST = {"Example", "Keller", "Novak", "Schmidt", "Rossi", "Dubois", "Jansen",
        "Nowak", "Silva", "Larsen", "Moreau", "Fischer", "Weber", "Lindqvist", "Horvat", "Costa", "Berg", "Wagner",
        "Meyer", "Kowalski", "Brennan", "Ivanova", "Okafor", "Tanaka", "Haddad", "Varga", "Petrov", "Engel", "Roth",
        "Vogel"};

    final SiteRow site;
    final List<AreaRow> areas = new ArrayList<>();
    final List<DoorRow> doors = new ArrayList<>();
    final List<ScheduleRow> schedules = new ArrayList<>();
    final List<ScheduleWindowRow> windows = new ArrayList<>();
    final List<AccessLevelRow> levels = new ArrayList<>();
    final Map<String, List<String>> levelDoors = new LinkedHashMap<>();
    final List<PersonRow> people = new ArrayList<>();
    final List<CredentialRow> credentials = new ArrayList<>();
    final List<AssignmentRow> assignments = new ArrayList<>();
    final List<DemoCard> cards = new ArrayList<>();
    /** The fingerprints enrolled on {@value #FP_MODULE}, page 1 upwards, in person order. */
    final List<FingerprintRow> fingerprints = new ArrayList<>();

    DemoSite(Instant now) {
        site = new SiteRow(SITE, "DC1", ZONE);
        areas.add(new AreaRow("building", SITE, null, "DC1 building", "BUILDING"));
        areas.add(new AreaRow("lobby", SITE, "building", "Lobby", "ZONE"));
        areas.add(new AreaRow("hall-1", SITE, "building", "Hall 1", "HALL"));
        areas.add(new AreaRow("hall-2", SITE, "building", "Hall 2", "HALL"));
        areas.add(new AreaRow("cage-a", SITE, "hall-2", "Cage A (customer)", "CAGE"));
        for (DemoDoor d : DOORS) {
            doors.add(new DoorRow(d.id(), d.areaId(), d.name(), d.gate() ? "GATE" : "DOOR", d.readerIn(),
                    d.readerOut(), d.lock(), d.contact(), d.agent(), d.unlockMs(), d.secondFactor()));
        }
        schedules();
        levels();
        people(now);
        fingerprints(now);
    }

    /** Everyone with cage access has a finger enrolled on the cage's module, page 1 upwards in person order. */
    private void fingerprints(Instant now) {
        Instant enrolled = now.truncatedTo(ChronoUnit.SECONDS);
        Set<String> withCage = new LinkedHashSet<>();
        assignments.stream().filter(a -> a.levelId().equals("lvl-cage-a")).forEach(a -> withCage.add(a.personId()));
        int page = 1;
        for (PersonRow p : people) {
            if (withCage.contains(p.id())) {
                fingerprints.add(new FingerprintRow("f-" + p.id().substring(2), p.id(), FP_MODULE, page++, "ACTIVE",
                        enrolled));
            }
        }
    }

    private void schedules() {
        schedules.add(new ScheduleRow("always", "Always (24/7)", SITE));
        schedules.add(new ScheduleRow("business-hours", "Business hours (Mon-Fri 07:00-19:00)", SITE));
        schedules.add(new ScheduleRow("night-shift", "Night shift (daily 19:00-07:00)", SITE));
        for (int day = 1; day <= 7; day++) {
            windows.add(new ScheduleWindowRow(null, "always", day, 0, 24 * 60));
            if (day <= 5) {
                windows.add(new ScheduleWindowRow(null, "business-hours", day, 7 * 60, 19 * 60));
            }
            windows.add(new ScheduleWindowRow(null, "night-shift", day, 0, 7 * 60));
            windows.add(new ScheduleWindowRow(null, "night-shift", day, 19 * 60, 24 * 60));
        }
    }

    private void levels() {
        level("lvl-perimeter", "Perimeter and lobby", "always", "gate-1", "door-lobby-main");
        level("lvl-lobby-staff", "Staff entrance", "always", "door-lobby-staff");
        level("lvl-hall-1", "Hall 1 (24/7)", "always", "door-hall1-a", "door-hall1-b");
        level("lvl-hall-1-day", "Hall 1 (business hours)", "business-hours", "door-hall1-a", "door-hall1-b");
        level("lvl-hall-2", "Hall 2 (24/7)", "always", "door-hall2-a", "door-hall2-b");
        level("lvl-hall-2-day", "Hall 2 (business hours)", "business-hours", "door-hall2-a", "door-hall2-b");
        level("lvl-cage-a", "Cage A", "always", "door-cage-a");
        level("lvl-noc", "Network operations centre", "always", "door-noc");
        level("lvl-loading-day", "Loading dock (business hours)", "business-hours", "door-loading");
        level("lvl-night-shift", "Night shift halls and dock", "night-shift", "door-hall1-a", "door-hall1-b",
                "door-hall2-a", "door-hall2-b", "door-loading");
        level("lvl-visitor", "Visitor lobby (business hours)", "business-hours", "gate-1", "door-lobby-main");
    }

    private void level(String id, String name, String schedule, String... doorIds) {
        levels.add(new AccessLevelRow(id, name, schedule));
        levelDoors.put(id, List.of(doorIds));
    }

    private void people(Instant now) {
        Random random = new Random(SEED);
        Duration day = Duration.ofDays(1);
        for (int i = 1; i <= PEOPLE; i++) {
            String id = String.format(Locale.ROOT, "p-%04d", i);
            String name = i == 1 ? "Ada Example"
                    : FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
            String kind = i >= VISITORS_FROM ? "VISITOR" : i >= CONTRACTORS_FROM ? "CONTRACTOR" : "EMPLOYEE";
            String status = switch (i) {
                case 50, 120 -> "SUSPENDED";
                case 77 -> "TERMINATED";
                default -> "ACTIVE";
            };
            people.add(new PersonRow(id, name, kind, status));

            Instant from = null;
            Instant until = null;
            if (kind.equals("CONTRACTOR")) {
                boolean expired = i < CONTRACTORS_FROM + 3;
                from = now.minus(day.multipliedBy(expired ? 120 : 30));
                until = expired ? now.minus(day.multipliedBy(3)) : now.plus(day.multipliedBy(90));
            } else if (kind.equals("VISITOR")) {
                from = now.minus(Duration.ofHours(1));
                until = now.plus(day.multipliedBy(7));
            }
            long number = FIRST_CARD + i - 1;
            credentials.add(new CredentialRow(String.format(Locale.ROOT, "c-%04d", i), FORMAT, FACILITY, number, id,
                    "ACTIVE", from, until));
            cards.add(new DemoCard(FORMAT, FACILITY, number, id + " " + name));

            for (String level : levelsFor(i, kind, random)) {
                assignments.add(new AssignmentRow(null, id, level, from, until));
            }
        }
        credentials.add(new CredentialRow("c-lost-0010", FORMAT, FACILITY, 1201, "p-0010", "LOST", null, null));
        cards.add(new DemoCard(FORMAT, FACILITY, 1201, "p-0010 old badge, reported lost"));
        credentials.add(new CredentialRow("c-revoked-0020", FORMAT, FACILITY, 1202, "p-0020", "REVOKED", null, null));
        cards.add(new DemoCard(FORMAT, FACILITY, 1202, "p-0020 old badge, revoked"));
        cards.add(new DemoCard(FORMAT, FACILITY, 9001, "unknown card"));
        cards.add(new DemoCard(FORMAT, FACILITY, 9002, "unknown card"));
        cards.add(new DemoCard(FORMAT, 99, 1001, "unknown card, foreign facility"));
    }

    /** Employees: perimeter for all, then a role drawn from the seed; some only in business hours. */
    private static List<String> levelsFor(int i, String kind, Random random) {
        List<String> out = new ArrayList<>();
        switch (kind) {
            case "VISITOR" -> out.add("lvl-visitor");
            case "CONTRACTOR" -> {
                out.add("lvl-perimeter");
                out.add("lvl-hall-2-day");
                if (i % 2 == 0) {
                    out.add("lvl-cage-a");
                }
            }
            default -> {
                out.add("lvl-perimeter");
                out.add("lvl-lobby-staff");
                int role = random.nextInt(100);
                if (role < 40) {
                    out.add("lvl-hall-1");
                    out.add("lvl-hall-2");
                } else if (role < 65) {
                    out.add("lvl-hall-1-day");
                    out.add("lvl-loading-day");
                } else if (role < 75) {
                    out.add("lvl-night-shift");
                } else if (role < 85) {
                    out.add("lvl-noc");
                    out.add("lvl-hall-1");
                }
                if (random.nextInt(100) < 6 || i == 1) {
                    out.add("lvl-cage-a"); // Ada Example (p-0001) always: the demo's card + fingerprint walk-through
                }
            }
        }
        return out;
    }
}
