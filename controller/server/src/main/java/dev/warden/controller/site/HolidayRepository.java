package dev.warden.controller.site;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.H2)
public interface HolidayRepository extends CrudRepository<HolidayRow, Long> {
    List<HolidayRow> findBySiteIdOrderByOnDate(String siteId);

    Optional<HolidayRow> findBySiteIdAndOnDate(String siteId, LocalDate onDate);
}
