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
import dev.warden.controller.site.HolidayRow;
import dev.warden.controller.site.SiteRow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
 *
 * <p>The policy rules: escort window 30 s, at most 2 visitors per escort; the main lobby door stands open Mon–Fri
 * 07:00–19:00 (schedule {@value #LOBBY_HOURS}, closed on Germany's public holidays 2026–2027, the site's holidays);
 * SOFT anti-passback in the building, TIMED (2 min) in hall 2; cage A restricted with HARD anti-passback and a 20 s
 * two-person rule (still card + fingerprint); the NOC door threat-marked, {@value #NOC_STAFF} NOC staff cleared to
 * level 2 (HIGH); hall 1 door A card + PIN (its in-reader is an OSDP reader with a keypad): every employee with hall 1
 * access has a PIN and a different duress PIN, drawn from the seed; p-0001..p-0020 may escort; the visitors
 * p-0196..p-0200 have APPROVED visits of today (now − 1 h .. now + 8 h) to the lobby and hall 1, hosted by p-0001.
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
    /** The card + PIN door. */
    static final String PIN_DOOR = "door-hall1-a";
    /** The free-access door and its schedule. */
    static final String LOBBY_DOOR = "door-lobby-main";
    static final String LOBBY_HOURS = "lobby-hours";
    static final String NOC_DOOR = "door-noc";
    /** How many holders of the NOC level are NOC staff with clearance 2. */
    static final int NOC_STAFF = 4;
    static final int NOC_CLEARANCE = 2;
    /** p-0001..p-{@value #ESCORTS} may escort visitors. */
    static final int ESCORTS = 20;
    static final String HOST = "p-0001";
    /** The operators who requested and approved the demo visits (never the same). */
    static final String VISIT_REQUESTER = "guard";
    static final String VISIT_APPROVER = "supervisor";

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
            return fingerprint != null ? "FINGERPRINT" : id.equals(PIN_DOOR) ? "PIN" : "NONE";
        }
    }

    /** A person's demo PIN and duress PIN (never equal). */
    record DemoPin(String personId, long card, String pin, String duressPin) {}

    /** A demo visit: an APPROVED visit of a visitor to some areas, hosted by {@value #HOST}. */
    record DemoVisit(String id, String visitorId, Instant from, Instant until, List<String> areaIds) {}

    /** Who escorts which visitor through which readers, for the simulator's walker. */
    record DemoEscort(long escortCard, long visitorCard, List<String> readers) {}

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
    final List<HolidayRow> holidays = new ArrayList<>();
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
    /** The PINs of every employee with hall 1 access, in person order (hashed when stored, listed in pins.txt). */
    final List<DemoPin> pins = new ArrayList<>();
    final List<DemoVisit> visits = new ArrayList<>();
    final List<DemoEscort> escorts = new ArrayList<>();

    /** A demo site whose PINs come from a fresh random secret. */
    DemoSite(Instant now) {
        this(now, new DemoSecrets().pinSecret());
    }

    /** A demo site whose PINs and duress PINs are derived from {@code pinSecret} (see {@link DemoSecrets#pinSecret}). */
    DemoSite(Instant now, byte[] pinSecret) {
        site = new SiteRow(SITE, "DC1", ZONE, "NORMAL", false, 30, 2);
        for (int year = 2026; year <= 2027; year++) {
            germanPublicHolidays(year).forEach((date, name) -> holidays.add(new HolidayRow(null, SITE, date, name)));
        }
        areas.add(new AreaRow("building", SITE, null, "DC1 building", "BUILDING", false, false, "SOFT", null, null));
        areas.add(new AreaRow("lobby", SITE, "building", "Lobby", "ZONE"));
        areas.add(new AreaRow("hall-1", SITE, "building", "Hall 1", "HALL"));
        areas.add(new AreaRow("hall-2", SITE, "building", "Hall 2", "HALL", false, false, "TIMED", 120, null));
        areas.add(new AreaRow("cage-a", SITE, "hall-2", "Cage A (customer)", "CAGE", true, false, "HARD", null, 20));
        for (DemoDoor d : DOORS) {
            doors.add(new DoorRow(d.id(), d.areaId(), d.name(), d.gate() ? "GATE" : "DOOR", d.readerIn(),
                    d.readerOut(), d.lock(), d.contact(), d.agent(), d.unlockMs(), d.secondFactor(),
                    d.id().equals(LOBBY_DOOR) ? LOBBY_HOURS : null, d.id().equals(NOC_DOOR)));
        }
        schedules();
        levels();
        people(now);
        fingerprints(now);
        nocStaff();
        pins(pinSecret);
        visits(now);
    }

    /**
     * Germany's nationwide public holidays of {@code year}: New Year, Good Friday, Easter Monday, Labour Day,
     * Ascension, Whit Monday, German Unity Day, Christmas Day and St Stephen's Day.
     */
    static Map<LocalDate, String> germanPublicHolidays(int year) {
        LocalDate easter = easterSunday(year);
        Map<LocalDate, String> days = new LinkedHashMap<>();
        days.put(LocalDate.of(year, 1, 1), "Neujahr");
        days.put(easter.minusDays(2), "Karfreitag");
        days.put(easter.plusDays(1), "Ostermontag");
        days.put(LocalDate.of(year, 5, 1), "Tag der Arbeit");
        days.put(easter.plusDays(39), "Christi Himmelfahrt");
        days.put(easter.plusDays(50), "Pfingstmontag");
        days.put(LocalDate.of(year, 10, 3), "Tag der Deutschen Einheit");
        days.put(LocalDate.of(year, 12, 25), "1. Weihnachtstag");
        days.put(LocalDate.of(year, 12, 26), "2. Weihnachtstag");
        return days;
    }

    /** Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    /** The first {@value #NOC_STAFF} active holders of the NOC level are NOC staff: clearance 2 (HIGH). */
    private void nocStaff() {
        Set<String> noc = holdersOf("lvl-noc");
        int given = 0;
        for (int i = 0; i < people.size() && given < NOC_STAFF; i++) {
            PersonRow p = people.get(i);
            if (noc.contains(p.id()) && p.status().equals("ACTIVE")) {
                people.set(i, new PersonRow(p.id(), p.displayName(), p.kind(), p.status(), NOC_CLEARANCE,
                        p.mayEscort(), p.lockdownExempt(), null, null, null));
                given++;
            }
        }
    }

    /**
     * Every employee with hall 1 access gets a 4-digit PIN and a different 4-digit duress PIN, derived from the
     * install's secret: HMAC-SHA256(secret, person id), bytes 0-3 and 4-7 as unsigned numbers modulo 10,000.
     */
    private void pins(byte[] pinSecret) {
        Set<String> hall1 = new LinkedHashSet<>();
        for (String level : List.of("lvl-hall-1", "lvl-hall-1-day", "lvl-night-shift")) {
            hall1.addAll(holdersOf(level));
        }
        javax.crypto.Mac mac;
        try {
            mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(pinSecret, "HmacSHA256"));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
        for (int i = 0; i < people.size(); i++) {
            PersonRow p = people.get(i);
            if (!p.kind().equals("EMPLOYEE") || !hall1.contains(p.id())) {
                continue;
            }
            java.nio.ByteBuffer digits = java.nio.ByteBuffer.wrap(
                    mac.doFinal(p.id().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            int first = (int) (Integer.toUnsignedLong(digits.getInt()) % 10_000);
            int second = (int) (Integer.toUnsignedLong(digits.getInt()) % 10_000);
            if (second == first) {
                second = (second + 1) % 10_000;
            }
            String pin = String.format(Locale.ROOT, "%04d", first);
            String duress = String.format(Locale.ROOT, "%04d", second);
            pins.add(new DemoPin(p.id(), FIRST_CARD + i, pin, duress));
        }
    }

    /**
     * The visitors' APPROVED visits of today (now − 1 h .. now + 8 h) to the lobby and hall 1, and who escorts whom:
     * escorts are the first active escort-capable holders of the 24/7 hall 1 level, at most 2 visitors each.
     */
    private void visits(Instant now) {
        Instant from = now.minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant until = now.plus(Duration.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        Set<String> hall1 = holdersOf("lvl-hall-1");
        List<Integer> escortIndexes = new ArrayList<>();
        for (int i = 0; i < ESCORTS; i++) {
            PersonRow p = people.get(i);
            if (p.mayEscort() && p.status().equals("ACTIVE") && hall1.contains(p.id())) {
                escortIndexes.add(i);
            }
        }
        int v = 0;
        for (int i = VISITORS_FROM - 1; i < PEOPLE; i++, v++) {
            PersonRow visitor = people.get(i);
            visits.add(new DemoVisit("v-demo-" + visitor.id().substring(2), visitor.id(), from, until,
                    List.of("lobby", "hall-1")));
            if (!escortIndexes.isEmpty()) {
                int escort = escortIndexes.get((v / site.maxVisitorsPerEscort()) % escortIndexes.size());
                escorts.add(new DemoEscort(FIRST_CARD + escort, FIRST_CARD + i,
                        List.of("rdr-" + LOBBY_DOOR + "-in", "rdr-door-hall1-b-in")));
            }
        }
    }

    private Set<String> holdersOf(String level) {
        Set<String> ids = new LinkedHashSet<>();
        assignments.stream().filter(a -> a.levelId().equals(level)).forEach(a -> ids.add(a.personId()));
        return ids;
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
        schedules.add(new ScheduleRow(LOBBY_HOURS, "Lobby open to all (Mon-Fri 07:00-19:00, not on holidays)", SITE));
        for (int day = DayOfWeek.MONDAY.getValue(); day <= DayOfWeek.FRIDAY.getValue(); day++) {
            windows.add(new ScheduleWindowRow(null, LOBBY_HOURS, day, 7 * 60, 19 * 60));
        }
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
            people.add(new PersonRow(id, name, kind, status, 0, i <= ESCORTS, false, null, null, null));

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
