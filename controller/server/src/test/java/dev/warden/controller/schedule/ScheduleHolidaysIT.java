package dev.warden.controller.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.controller.Api;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Verifies a schedule's holiday windows and dated exceptions over real HTTP: round trip, keeping, clearing, errors. */
@MicronautTest(transactional = false)
class ScheduleHolidaysIT {
    @Inject
    @Client("/")
    HttpClient client;

    Api admin;

    @BeforeEach
    void signIn() {
        admin = Api.admin(client);
    }

    @Test
    void holidayWindowsAndExceptionsRoundTripAreKeptWhenOmittedAndClearedWithAnEmptyList() {
        admin.post("/api/v1/sites", Map.of("id", "SH", "name", "SH", "timeZone", "Europe/Berlin"), Map.class);
        Map<String, Object> created = admin.create("/api/v1/schedules", Map.of("id", "SH-1", "name", "Hours",
                "siteId", "SH", "windows", List.of(Map.of("day", "MONDAY", "start", "07:00", "end", "19:00")),
                "holidayWindows", List.of(Map.of("start", "10:00", "end", "14:00")),
                "exceptions", List.of(
                        Map.of("date", "2026-12-24", "windows", List.of(Map.of("start", "07:00", "end", "12:00"),
                                Map.of("start", "13:00", "end", "24:00"))),
                        Map.of("date", "2026-12-31", "windows", List.of()))));
        assertThat(created.get("holidayWindows")).isEqualTo(List.of(Map.of("start", "10:00", "end", "14:00")));
        assertThat(created.get("exceptions")).isEqualTo(List.of(
                Map.of("date", "2026-12-24", "windows", List.of(Map.of("start", "07:00", "end", "12:00"),
                        Map.of("start", "13:00", "end", "24:00"))),
                Map.of("date", "2026-12-31", "windows", List.of())));

        admin.put("/api/v1/schedules/SH-1", Map.of("name", "Hours", "siteId", "SH", "windows",
                List.of(Map.of("day", "TUESDAY", "start", "08:00", "end", "18:00"))), Map.class);
        Map<String, Object> kept = admin.map("/api/v1/schedules/SH-1");
        assertThat(kept.get("holidayWindows")).as("omitted: unchanged").isEqualTo(created.get("holidayWindows"));
        assertThat(kept.get("exceptions")).isEqualTo(created.get("exceptions"));
        assertThat(kept.get("windows")).isEqualTo(List.of(Map.of("day", "TUESDAY", "start", "08:00", "end", "18:00")));

        Map<String, Object> clear = new HashMap<>(kept);
        clear.put("holidayWindows", List.of());
        clear.put("exceptions", List.of());
        admin.put("/api/v1/schedules/SH-1", clear, Map.class);
        assertThat(admin.map("/api/v1/schedules/SH-1")).containsEntry("holidayWindows", List.of())
                .containsEntry("exceptions", List.of());

        Map<String, String> expected = Map.of(
                "holiday end before start", "holidayWindows[0].end must be after start",
                "exception date", "exceptions[0].date must be a date yyyy-MM-dd",
                "exception twice", "exceptions[1].date 2026-12-24 appears twice",
                "exception window", "exceptions[0].windows[0].start must be HH:mm");
        Map<String, Map<String, Object>> bodies = Map.of(
                "holiday end before start", Map.of("holidayWindows", List.of(Map.of("start", "14:00", "end", "10:00"))),
                "exception date", Map.of("exceptions", List.of(Map.of("date", "24.12.2026"))),
                "exception twice", Map.of("exceptions", List.of(Map.of("date", "2026-12-24"), Map.of("date", "2026-12-24"))),
                "exception window", Map.of("exceptions", List.of(Map.of("date", "2026-12-24",
                        "windows", List.of(Map.of("start", "noon", "end", "13:00"))))));
        for (Map.Entry<String, Map<String, Object>> e : bodies.entrySet()) {
            Map<String, Object> body = new HashMap<>(Map.of("name", "Hours", "siteId", "SH"));
            body.putAll(e.getValue());
            Api.Failure f = admin.fails(() -> admin.put("/api/v1/schedules/SH-1", body, Map.class));
            assertThat(f.status()).as(e.getKey()).isEqualTo(400);
            assertThat(f.error().message()).as(e.getKey()).startsWith(expected.get(e.getKey()));
        }
        admin.delete("/api/v1/schedules/SH-1");
    }
}
