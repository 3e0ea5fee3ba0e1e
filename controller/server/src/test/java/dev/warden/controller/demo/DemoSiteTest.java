package dev.warden.controller.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.controller.credential.CredentialRow;
import dev.warden.controller.door.DoorRow;
import dev.warden.controller.person.PersonRow;
import dev.warden.controller.site.AreaRow;
import dev.warden.controller.site.HolidayRow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoSiteTest {
    static final Instant NOW = Instant.parse("2026-04-01T10:00:00Z");

    @Test
    void isDeterministic() {
        DemoSite a = new DemoSite(NOW);
        DemoSite b = new DemoSite(NOW);
        assertThat(a.people).isEqualTo(b.people);
        assertThat(a.credentials).isEqualTo(b.credentials);
        assertThat(a.assignments).isEqualTo(b.assignments);
        assertThat(a.cards).isEqualTo(b.cards);
    }

    @Test
    void hasThePromisedPopulation() {
        DemoSite site = new DemoSite(NOW);
        assertThat(site.doors).hasSizeGreaterThanOrEqualTo(9)
                .anySatisfy(d -> assertThat(d.kind()).isEqualTo("GATE"));
        assertThat(site.people).hasSize(200);
        Map<String, Long> kinds = site.people.stream().collect(Collectors.groupingBy(PersonRow::kind, Collectors.counting()));
        assertThat(kinds).containsEntry("CONTRACTOR", 10L).containsEntry("VISITOR", 5L).containsEntry("EMPLOYEE", 185L);
        assertThat(site.people.stream().filter(p -> p.status().equals("SUSPENDED"))).hasSize(2);
        assertThat(site.people.stream().filter(p -> p.status().equals("TERMINATED"))).singleElement()
                .satisfies(p -> assertThat(credentialOf(site, p.id()).status()).isEqualTo("ACTIVE"));
        long expired = site.credentials.stream()
                .filter(c -> c.validUntil() != null && c.validUntil().isBefore(NOW)).count();
        assertThat(expired).isEqualTo(3);
        assertThat(site.credentials.stream().map(CredentialRow::cardNumber).filter(n -> n <= 1200))
                .hasSize(200).allSatisfy(n -> assertThat(n).isBetween(1001L, 1200L));
        assertThat(site.credentials).allSatisfy(c -> assertThat(c.format()).isEqualTo("H10301"))
                .allSatisfy(c -> assertThat(c.facility()).isEqualTo(12));
    }

    @Test
    void someEmployeesHoldOnlyBusinessHoursLevels() {
        DemoSite site = new DemoSite(NOW);
        Set<String> dayOnly = new HashSet<>();
        site.assignments.stream().filter(a -> a.levelId().equals("lvl-hall-1-day")).forEach(a -> dayOnly.add(a.personId()));
        assertThat(dayOnly).isNotEmpty();
        Set<String> levelIds = site.levels.stream().map(l -> l.id()).collect(Collectors.toSet());
        assertThat(site.assignments).allSatisfy(a -> assertThat(levelIds).contains(a.levelId()));
        Map<String, String> scheduleOf = site.levels.stream()
                .collect(Collectors.toMap(l -> l.id(), l -> l.scheduleId()));
        assertThat(scheduleOf).containsEntry("lvl-hall-1-day", "business-hours").containsEntry("lvl-perimeter", "always");
    }

    @Test
    void everyDoorOfTheAgentHasReadersLockAndContact() {
        for (DemoSite.DemoDoor d : DemoSite.DOORS) {
            if (d.gate()) {
                assertThat(d.agent()).isNull();
                assertThat(d.readerIn()).isEqualTo("rdr-" + d.id());
                assertThat(d.lock()).isNull();
            } else {
                assertThat(d.agent()).isEqualTo("agent-1");
                assertThat(d.readerIn()).isEqualTo("rdr-" + d.id() + "-in");
                if (d.id().equals("door-lobby-staff")) {
                    assertThat(d.lock()).isEqualTo(DemoSite.TURNSTILE);
                    assertThat(d.contact()).isEqualTo(DemoSite.TURNSTILE);
                } else {
                    assertThat(d.lock()).isEqualTo("lock-" + d.id());
                    assertThat(d.contact()).isEqualTo("dc-" + d.id());
                }
            }
        }
        // 13 readers + 9 locks + 9 contacts, minus 4 OSDP readers, 2 OSDP relay locks, the turnstile's lock and contact
        assertThat(DemoFiles.agentDevices()).hasSize(31 - 8).doesNotHaveDuplicates()
                .doesNotContain("rdr-door-hall1-a-in", "rdr-door-hall1-a-out", "rdr-door-cage-a-in",
                        "rdr-door-cage-a-out", "lock-door-hall1-a", "lock-door-cage-a", "lock-door-lobby-staff",
                        "dc-door-lobby-staff", DemoSite.TURNSTILE, DemoSite.FP_MODULE, DemoSite.ENV_SENSOR)
                .contains("dc-door-hall1-a", "dc-door-cage-a", "rdr-door-lobby-staff-in");
    }

    @Test
    void theOsdpReadersAndTheirRelaysServeTheRightDoors() {
        Map<String, DemoSite.DemoDoor> byReader = new java.util.HashMap<>();
        for (DemoSite.DemoDoor d : DemoSite.DOORS) {
            byReader.put(d.readerIn(), d);
            if (d.readerOut() != null) {
                byReader.put(d.readerOut(), d);
            }
        }
        Set<Integer> addresses = new HashSet<>();
        for (DemoSite.OsdpReader r : DemoSite.OSDP_READERS) {
            assertThat(byReader).containsKey(r.id());
            assertThat(addresses.add(r.address())).as("address %d used once", r.address()).isTrue();
            if (r.relay() != null) {
                assertThat(byReader.get(r.id()).lock()).as("the relay of %s is its door's lock", r.id())
                        .isEqualTo(r.relay());
            }
        }
        assertThat(DemoSite.OSDP_READERS).filteredOn(r -> r.relay() != null).hasSize(2);
    }

    /** Verifies that the cage is a card + fingerprint door and everyone with cage access has a finger enrolled. */
    @Test
    void everyoneWithCageAccessHasAFingerOnTheCagesModule() {
        DemoSite site = new DemoSite(NOW);
        assertThat(site.doors).filteredOn(d -> d.id().equals(DemoSite.CAGE_DOOR)).singleElement()
                .satisfies(d -> assertThat(d.secondFactor()).isEqualTo("FINGERPRINT"));
        assertThat(site.doors).filteredOn(d -> d.id().equals(DemoSite.PIN_DOOR)).singleElement()
                .satisfies(d -> assertThat(d.secondFactor()).isEqualTo("PIN"));
        assertThat(site.doors).filteredOn(d -> !d.id().equals(DemoSite.CAGE_DOOR) && !d.id().equals(DemoSite.PIN_DOOR))
                .allSatisfy(d -> assertThat(d.secondFactor()).isEqualTo("NONE"));
        Set<String> withCage = site.assignments.stream().filter(a -> a.levelId().equals("lvl-cage-a"))
                .map(a -> a.personId()).collect(Collectors.toSet());
        assertThat(site.fingerprints).extracting(f -> f.personId()).containsExactlyInAnyOrderElementsOf(withCage);
        assertThat(site.fingerprints.getFirst()).satisfies(f -> {
            assertThat(f.personId()).isEqualTo("p-0001");
            assertThat(f.pageId()).isEqualTo(1);
            assertThat(f.id()).isEqualTo("f-0001");
        });
        for (int i = 0; i < site.fingerprints.size(); i++) {
            assertThat(site.fingerprints.get(i).pageId()).isEqualTo(i + 1);
            assertThat(site.fingerprints.get(i).moduleId()).isEqualTo(DemoSite.FP_MODULE);
            assertThat(site.fingerprints.get(i).status()).isEqualTo("ACTIVE");
        }
        assertThat(site.fingerprints).hasSizeGreaterThan(5);
    }

    /** Verifies the holiday calendar: Germany's nine nationwide public holidays of 2026 and 2027, Easter computed. */
    @Test
    void theSiteHasGermanysPublicHolidays() {
        assertThat(DemoSite.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(DemoSite.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(DemoSite.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(DemoSite.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
        DemoSite site = new DemoSite(NOW);
        assertThat(site.holidays).hasSize(18).allSatisfy(h -> assertThat(h.siteId()).isEqualTo(DemoSite.SITE));
        assertThat(site.holidays).extracting(HolidayRow::onDate).contains(LocalDate.of(2026, 4, 3),
                LocalDate.of(2026, 4, 6), LocalDate.of(2026, 5, 14), LocalDate.of(2026, 5, 25),
                LocalDate.of(2026, 10, 3), LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29),
                LocalDate.of(2027, 5, 6), LocalDate.of(2027, 5, 17), LocalDate.of(2027, 12, 26))
                .doesNotHaveDuplicates();
    }

    /** Verifies the site's, areas' and doors' rules as the plan promises them. */
    @Test
    void theSiteAreasAndDoorsCarryTheirRules() {
        DemoSite site = new DemoSite(NOW);
        assertThat(site.site.escortWindowS()).isEqualTo(30);
        assertThat(site.site.maxVisitorsPerEscort()).isEqualTo(2);
        Map<String, AreaRow> areas = site.areas.stream().collect(Collectors.toMap(AreaRow::id, a -> a));
        assertThat(areas.get("building").antiPassback()).isEqualTo("SOFT");
        assertThat(areas.get("hall-2").antiPassback()).isEqualTo("TIMED");
        assertThat(areas.get("hall-2").passbackReentryS()).isEqualTo(120);
        assertThat(areas.get("cage-a")).satisfies(a -> {
            assertThat(a.restricted()).isTrue();
            assertThat(a.antiPassback()).isEqualTo("HARD");
            assertThat(a.twoPersonWindowS()).isEqualTo(20);
        });
        assertThat(areas.get("lobby").antiPassback()).isEqualTo("NONE");
        assertThat(areas.get("hall-1").twoPersonWindowS()).isNull();
        Map<String, DoorRow> doors = site.doors.stream().collect(Collectors.toMap(DoorRow::id, d -> d));
        assertThat(doors.get(DemoSite.LOBBY_DOOR).freeAccessScheduleId()).isEqualTo(DemoSite.LOBBY_HOURS);
        assertThat(doors.values()).filteredOn(d -> d.freeAccessScheduleId() != null).hasSize(1);
        assertThat(doors.get(DemoSite.NOC_DOOR).threatMarked()).isTrue();
        assertThat(doors.values()).filteredOn(DoorRow::threatMarked).hasSize(1);
        assertThat(site.windows).filteredOn(w -> w.scheduleId().equals(DemoSite.LOBBY_HOURS))
                .hasSize(5).allSatisfy(w -> {
                    assertThat(w.dayOfWeek()).isBetween(1, 5);
                    assertThat(w.startMinute()).isEqualTo(7 * 60);
                    assertThat(w.endMinute()).isEqualTo(19 * 60);
                });
    }

    /** Verifies the people's flags: escorts p-0001..p-0020 only, a few NOC staff with clearance 2. */
    @Test
    void escortsAndNocStaffAreWhoThePlanSays() {
        DemoSite site = new DemoSite(NOW);
        assertThat(site.people).filteredOn(PersonRow::mayEscort).extracting(PersonRow::id)
                .hasSize(20).allSatisfy(id -> assertThat(id).isLessThanOrEqualTo("p-0020"));
        Set<String> noc = site.assignments.stream().filter(a -> a.levelId().equals("lvl-noc"))
                .map(a -> a.personId()).collect(Collectors.toSet());
        assertThat(site.people).filteredOn(p -> p.clearance() > 0).hasSize(DemoSite.NOC_STAFF)
                .allSatisfy(p -> {
                    assertThat(p.clearance()).isEqualTo(2);
                    assertThat(noc).contains(p.id());
                    assertThat(p.status()).isEqualTo("ACTIVE");
                });
        assertThat(site.people).allSatisfy(p -> assertThat(p.pinHash()).as("PINs are hashed by the seeder").isNull());
    }

    /**
     * Verifies the PINs: derived from the install's secret (the same secret gives the same PINs, another secret other
     * PINs, so they cannot be computed from the source), 4 digits, the duress PIN never equal, for exactly the hall 1
     * employees.
     */
    @Test
    void everyHall1EmployeeHasAPinAndADifferentDuressPin() {
        byte[] secret = new byte[32];
        new java.util.Random(7).nextBytes(secret);
        DemoSite site = new DemoSite(NOW, secret);
        assertThat(site.pins).isEqualTo(new DemoSite(NOW.plusSeconds(3600), secret).pins).hasSizeGreaterThan(50);
        byte[] other = secret.clone();
        other[0] ^= 1;
        List<DemoSite.DemoPin> otherPins = new DemoSite(NOW, other).pins;
        assertThat(otherPins).extracting(DemoSite.DemoPin::personId)
                .isEqualTo(site.pins.stream().map(DemoSite.DemoPin::personId).toList());
        long same = 0;
        for (int i = 0; i < otherPins.size(); i++) {
            same += otherPins.get(i).pin().equals(site.pins.get(i).pin()) ? 1 : 0;
        }
        assertThat(same).as("another secret, other PINs").isLessThan(5);
        assertThat(new DemoSite(NOW).pins).as("a fresh random secret each time").isNotEqualTo(new DemoSite(NOW).pins);
        Set<String> hall1 = site.assignments.stream()
                .filter(a -> Set.of("lvl-hall-1", "lvl-hall-1-day", "lvl-night-shift").contains(a.levelId()))
                .map(a -> a.personId()).collect(Collectors.toSet());
        Map<String, PersonRow> people = site.people.stream().collect(Collectors.toMap(PersonRow::id, p -> p));
        assertThat(site.pins).allSatisfy(p -> {
            assertThat(p.pin()).matches("[0-9]{4}");
            assertThat(p.duressPin()).matches("[0-9]{4}").isNotEqualTo(p.pin());
            assertThat(people.get(p.personId()).kind()).isEqualTo("EMPLOYEE");
            assertThat(credentialOf(site, p.personId()).cardNumber()).isEqualTo(p.card());
        });
        Set<String> withPin = site.pins.stream().map(DemoSite.DemoPin::personId).collect(Collectors.toSet());
        Set<String> hall1Employees = hall1.stream().filter(id -> people.get(id).kind().equals("EMPLOYEE"))
                .collect(Collectors.toSet());
        assertThat(withPin).isEqualTo(hall1Employees);
    }

    /** Verifies the visits of today and the escorts the simulator's walker uses (at most 2 visitors each). */
    @Test
    void visitorsHaveApprovedVisitsOfTodayAndEscortsWithHall1Access() {
        DemoSite site = new DemoSite(NOW);
        assertThat(site.visits).hasSize(5).allSatisfy(v -> {
            assertThat(v.from()).isEqualTo(NOW.minusSeconds(3600));
            assertThat(v.until()).isEqualTo(NOW.plusSeconds(8 * 3600));
            assertThat(v.areaIds()).containsExactly("lobby", "hall-1");
        });
        assertThat(site.visits).extracting(DemoSite.DemoVisit::visitorId)
                .containsExactly("p-0196", "p-0197", "p-0198", "p-0199", "p-0200");
        assertThat(DemoSite.VISIT_REQUESTER).isNotEqualTo(DemoSite.VISIT_APPROVER);
        assertThat(site.escorts).hasSize(5);
        Map<Long, Long> perEscort = site.escorts.stream()
                .collect(Collectors.groupingBy(DemoSite.DemoEscort::escortCard, Collectors.counting()));
        assertThat(perEscort.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2L));
        Set<String> hall1 = site.assignments.stream().filter(a -> a.levelId().equals("lvl-hall-1"))
                .map(a -> a.personId()).collect(Collectors.toSet());
        for (long card : perEscort.keySet()) {
            PersonRow escort = site.people.get((int) (card - DemoSite.FIRST_CARD));
            assertThat(escort.mayEscort()).isTrue();
            assertThat(hall1).contains(escort.id());
        }
    }

    private static CredentialRow credentialOf(DemoSite site, String person) {
        return site.credentials.stream().filter(c -> c.personId().equals(person)).findFirst().orElseThrow();
    }

    /** The (person, PIN, duress PIN) lines of a pins.txt, as DemoPins with card 0. */
    static List<DemoSite.DemoPin> pinsOf(String pinsTxt) {
        List<DemoSite.DemoPin> out = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^(p-\\d+)\\s+(\\d+)\\s+(\\d{4})\\s+(\\d{4})\\s")
                .matcher(pinsTxt);
        while (m.find()) {
            out.add(new DemoSite.DemoPin(m.group(1), Long.parseLong(m.group(2)), m.group(3), m.group(4)));
        }
        return out;
    }
}
