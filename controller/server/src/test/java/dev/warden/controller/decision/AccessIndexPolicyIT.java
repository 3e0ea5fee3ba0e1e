package dev.warden.controller.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.controller.Api;
import dev.warden.policy.AccessSnapshot;
import dev.warden.policy.AntiPassback;
import dev.warden.policy.Area;
import dev.warden.policy.AreaId;
import dev.warden.policy.DayWindow;
import dev.warden.policy.Door;
import dev.warden.policy.DoorId;
import dev.warden.policy.Person;
import dev.warden.policy.PersonId;
import dev.warden.policy.PersonKind;
import dev.warden.policy.PortalKind;
import dev.warden.policy.Schedule;
import dev.warden.policy.ScheduleId;
import dev.warden.policy.SecondFactor;
import dev.warden.policy.Site;
import dev.warden.policy.SiteId;
import dev.warden.policy.ThreatLevel;
import dev.warden.policy.Visit;
import dev.warden.policy.VisitStatus;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Verifies that the access index builds the full policy snapshot from the database: sites (threat, lockdown, escort
 * rule), areas (tree, restriction, lockdown, anti-passback, two-person rule), doors (kind, second factor, free
 * access, threat marking), people (clearance, flags, PIN hashes), schedules (holiday windows, the site's holidays,
 * exceptions) and visits — written through the REST API as an operator would.
 */
@MicronautTest(transactional = false)
class AccessIndexPolicyIT {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    AccessIndex index;

    private Map<String, Object> act(Api as, String path, Object body) {
        return client.toBlocking().retrieve(HttpRequest.POST(path, body).bearerAuth(as.token()),
                Argument.mapOf(String.class, Object.class));
    }

    @Test
    void theSnapshotCarriesEveryPolicyField() {
        Api admin = Api.admin(client);
        Api supervisor = admin.newOperator(client, "ix-super", "SUPERVISOR");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        admin.post("/api/v1/sites", Map.of("id", "IX", "name", "IX", "timeZone", "Europe/Berlin",
                "escortWindowSeconds", 45, "maxVisitorsPerEscort", 3), Map.class);
        supervisor.put("/api/v1/sites/IX/threat-level", Map.of("level", "ELEVATED", "reason", "test"), Map.class);
        act(supervisor, "/api/v1/sites/IX/lockdown", Map.of("reason", "test"));
        admin.post("/api/v1/sites/IX/holidays", Map.of("date", "2026-12-25", "name", "Christmas"), Map.class);
        admin.post("/api/v1/areas", Map.of("id", "IX-b", "siteId", "IX", "name", "Building", "kind", "BUILDING",
                "antiPassback", "SOFT"), Map.class);
        admin.post("/api/v1/areas", Map.of("id", "IX-h", "siteId", "IX", "parentId", "IX-b", "name", "Hall",
                "kind", "HALL", "antiPassback", "TIMED", "passbackReentrySeconds", 120), Map.class);
        admin.post("/api/v1/areas", Map.of("id", "IX-c", "siteId", "IX", "parentId", "IX-h", "name", "Cage",
                "kind", "CAGE", "restricted", true, "antiPassback", "HARD", "twoPersonWindowSeconds", 20), Map.class);
        act(supervisor, "/api/v1/areas/IX-h/lockdown", Map.of("reason", "test"));
        admin.post("/api/v1/schedules", Map.of("id", "IX-s", "name", "Lobby", "siteId", "IX",
                "windows", List.of(Map.of("day", "MONDAY", "start", "07:00", "end", "19:00")),
                "holidayWindows", List.of(Map.of("start", "10:00", "end", "12:00")),
                "exceptions", List.of(Map.of("date", "2026-12-24", "windows",
                        List.of(Map.of("start", "07:00", "end", "24:00"))), Map.of("date", "2026-12-31"))), Map.class);
        admin.post("/api/v1/areas", Map.of("id", "IX-l", "siteId", "IX", "parentId", "IX-b", "name", "Lobby",
                "kind", "ZONE"), Map.class);
        admin.post("/api/v1/doors", Map.of("id", "IX-lobby", "name", "Lobby", "areaId", "IX-l", "kind", "GATE",
                "agentId", "ix-agent", "freeAccessScheduleId", "IX-s", "threatMarked", true), Map.class);
        admin.post("/api/v1/doors", Map.of("id", "IX-hall", "name", "Hall", "areaId", "IX-h", "kind", "DOOR",
                "secondFactor", "PIN"), Map.class);
        admin.post("/api/v1/people", Map.of("id", "IX-p", "displayName", "Pat", "kind", "EMPLOYEE",
                "mayEscort", true), Map.class);
        supervisor.put("/api/v1/people/IX-p/security", Map.of("clearance", 2, "lockdownExempt", true,
                "reason", "responder"), Map.class);
        admin.put("/api/v1/people/IX-p/pin", Map.of("pin", "246810", "duressPin", "246811"), Map.class);
        admin.post("/api/v1/people", Map.of("id", "IX-v", "displayName", "Vic", "kind", "VISITOR"), Map.class);
        String visitId = (String) admin.create("/api/v1/visits", Map.of("visitorId", "IX-v", "hostId", "IX-p",
                "validFrom", now.toString(), "validUntil", now.plus(Duration.ofHours(2)).toString(),
                "areaIds", List.of("IX-h"))).get("id");
        act(supervisor, "/api/v1/visits/" + visitId + "/approve", Map.of());

        IndexView view = index.rebuildAndWait(Duration.ofSeconds(10));
        AccessSnapshot snapshot = view.snapshot();

        Site site = snapshot.site(new SiteId("IX")).orElseThrow();
        assertThat(site.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(site.threat()).isEqualTo(ThreatLevel.ELEVATED);
        assertThat(site.lockedDown()).isTrue();
        assertThat(site.escortWindow()).isEqualTo(Duration.ofSeconds(45));
        assertThat(site.maxVisitorsPerEscort()).isEqualTo(3);

        Area building = snapshot.area(new AreaId("IX-b")).orElseThrow();
        assertThat(building.parent()).isNull();
        assertThat(building.antiPassback()).isEqualTo(AntiPassback.SOFT);
        Area hall = snapshot.area(new AreaId("IX-h")).orElseThrow();
        assertThat(hall.lockedDown()).isTrue();
        assertThat(hall.antiPassback()).isEqualTo(AntiPassback.TIMED);
        assertThat(hall.passbackReentry()).isEqualTo(Duration.ofMinutes(2));
        Area cage = snapshot.area(new AreaId("IX-c")).orElseThrow();
        assertThat(cage.site()).isEqualTo(new SiteId("IX"));
        assertThat(cage.parent()).isEqualTo(new AreaId("IX-h"));
        assertThat(cage.restricted()).isTrue();
        assertThat(cage.lockedDown()).isFalse();
        assertThat(cage.antiPassback()).isEqualTo(AntiPassback.HARD);
        assertThat(cage.twoPersonWindow()).isEqualTo(Duration.ofSeconds(20));
        assertThat(snapshot.isWithin(new AreaId("IX-c"), new AreaId("IX-b"))).isTrue();

        Door lobby = snapshot.door(new DoorId("IX-lobby")).orElseThrow();
        assertThat(lobby.kind()).isEqualTo(PortalKind.GATE);
        assertThat(lobby.freeAccess()).isEqualTo(new ScheduleId("IX-s"));
        assertThat(lobby.threatMarked()).isTrue();
        assertThat(lobby.secondFactor()).isEqualTo(SecondFactor.NONE);
        Door hallDoor = snapshot.door(new DoorId("IX-hall")).orElseThrow();
        assertThat(hallDoor.secondFactor()).isEqualTo(SecondFactor.PIN);
        assertThat(hallDoor.kind()).isEqualTo(PortalKind.DOOR);
        assertThat(hallDoor.freeAccess()).isNull();
        assertThat(view.doorAgents()).containsEntry("IX-lobby", "ix-agent").doesNotContainKey("IX-hall");

        Person pat = snapshot.person(new PersonId("IX-p")).orElseThrow();
        assertThat(pat.clearance()).isEqualTo(2);
        assertThat(pat.mayEscort()).isTrue();
        assertThat(pat.lockdownExempt()).isTrue();
        assertThat(pat.pin().matches("246810")).isTrue();
        assertThat(pat.duressPin().matches("246811")).isTrue();
        Person vic = snapshot.person(new PersonId("IX-v")).orElseThrow();
        assertThat(vic.kind()).isEqualTo(PersonKind.VISITOR);
        assertThat(vic.pin()).isNull();

        Schedule schedule = snapshot.schedule(new ScheduleId("IX-s")).orElseThrow();
        assertThat(schedule.holidays()).containsExactly(LocalDate.of(2026, 12, 25));
        assertThat(schedule.holidayWindows()).containsExactly(new DayWindow(LocalTime.of(10, 0), LocalTime.of(12, 0)));
        assertThat(schedule.exceptions()).containsOnlyKeys(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 31));
        assertThat(schedule.exceptions().get(LocalDate.of(2026, 12, 24)))
                .containsExactly(new DayWindow(LocalTime.of(7, 0), LocalTime.MIDNIGHT));
        assertThat(schedule.exceptions().get(LocalDate.of(2026, 12, 31))).as("closed all day").isEmpty();
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertThat(schedule.isOpenAt(LocalDate.of(2026, 12, 25).atTime(11, 0).atZone(berlin).toInstant()))
                .as("holiday window").isTrue();
        assertThat(schedule.isOpenAt(LocalDate.of(2026, 12, 24).atTime(22, 0).atZone(berlin).toInstant()))
                .as("exception window").isTrue();
        assertThat(schedule.isOpenAt(LocalDate.of(2026, 12, 28).atTime(8, 0).atZone(berlin).toInstant()))
                .as("a Monday").isTrue();

        Visit visit = snapshot.visitsOf(new PersonId("IX-v")).getFirst();
        assertThat(visit.id().value()).isEqualTo(visitId);
        assertThat(visit.status()).isEqualTo(VisitStatus.APPROVED);
        assertThat(visit.host()).isEqualTo(new PersonId("IX-p"));
        assertThat(visit.from()).isEqualTo(now);
        assertThat(visit.until()).isEqualTo(now.plus(Duration.ofHours(2)));
        assertThat(visit.areas()).containsExactly(new AreaId("IX-h"));
        assertThat(snapshot.visits()).contains(visit);
        assertThat(snapshot.sites()).contains(site);
        assertThat(snapshot.areas()).contains(building, hall, cage);
    }
}
