package dev.warden.controller.schedule;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.H2)
public interface ScheduleExceptionRepository extends CrudRepository<ScheduleExceptionRow, Long> {
    List<ScheduleExceptionRow> findByScheduleIdOrderByOnDateAndStartMinute(String scheduleId);

    void deleteByScheduleId(String scheduleId);
}
