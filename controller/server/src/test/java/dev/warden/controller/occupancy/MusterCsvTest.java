package dev.warden.controller.occupancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verifies the muster CSV: header, field quoting, formula neutralising, empty fields for nulls, CRLF lines. */
class MusterCsvTest {

    @Test
    void oneLinePerPersonAfterTheHeader() {
        String csv = MusterCsv.of(List.of(
                new OccupantDto("p-1", "Ada Lovelace", "EMPLOYEE", "hall-1", "Hall 1", "DC1",
                        Instant.parse("2026-03-02T09:00:00Z"), "door-1", "Hall door", null),
                new OccupantDto("v-1", "Vic", "VISITOR", "hall-1", "Hall 1", "DC1",
                        Instant.parse("2026-03-02T09:00:05Z"), "door-1", "Hall door", "p-1")));
        assertThat(csv.split("\r\n", -1)).containsExactly(
                MusterCsv.HEADER,
                "p-1,Ada Lovelace,EMPLOYEE,hall-1,Hall 1,door-1,Hall door,2026-03-02T09:00:00Z,",
                "v-1,Vic,VISITOR,hall-1,Hall 1,door-1,Hall door,2026-03-02T09:00:05Z,p-1",
                "");
    }

    @Test
    void quotesCommasQuotesAndLineBreaksAndNeutralisesFormulas() {
        String csv = MusterCsv.of(List.of(new OccupantDto("p-2", "=HYPERLINK(\"x\")", null, "a", "Hall, \"north\"",
                null, null, null, "line\nbreak", null)));
        assertThat(csv).endsWith("p-2,\"'=HYPERLINK(\"\"x\"\")\",,a,\"Hall, \"\"north\"\"\",,\"line\nbreak\",,\r\n");
    }

    @Test
    void anEmptyListIsTheHeaderAlone() {
        assertThat(MusterCsv.of(List.of())).isEqualTo(MusterCsv.HEADER + "\r\n");
    }

    @Test
    void csvIsChosenOnlyWhenAskedForBeforeJson() {
        assertThat(OccupancyController.wantsCsv("text/csv")).isTrue();
        assertThat(OccupancyController.wantsCsv("text/csv;q=0.9, application/json")).isTrue();
        assertThat(OccupancyController.wantsCsv("application/json, text/csv")).isFalse();
        assertThat(OccupancyController.wantsCsv("*/*")).isFalse();
        assertThat(OccupancyController.wantsCsv(null)).isFalse();
    }
}
