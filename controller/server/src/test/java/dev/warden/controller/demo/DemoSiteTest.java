package dev.warden.controller.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.controller.credential.CredentialRow;
import dev.warden.controller.person.PersonRow;
import java.time.Instant;
import java.util.HashSet;
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
        assertThat(site.doors).filteredOn(d -> !d.id().equals(DemoSite.CAGE_DOOR))
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

    private static CredentialRow credentialOf(DemoSite site, String person) {
        return site.credentials.stream().filter(c -> c.personId().equals(person)).findFirst().orElseThrow();
    }
}
