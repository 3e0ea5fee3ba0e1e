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
            } else {
                assertThat(d.agent()).isEqualTo("agent-1");
                assertThat(d.readerIn()).isEqualTo("rdr-" + d.id() + "-in");
                assertThat(d.lock()).isEqualTo("lock-" + d.id());
                assertThat(d.contact()).isEqualTo("dc-" + d.id());
            }
        }
        assertThat(DemoFiles.agentDevices()).hasSize(31).doesNotHaveDuplicates();
    }

    private static CredentialRow credentialOf(DemoSite site, String person) {
        return site.credentials.stream().filter(c -> c.personId().equals(person)).findFirst().orElseThrow();
    }
}
