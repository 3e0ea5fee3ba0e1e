package dev.warden.controller.schedule;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.H2)
public interface ScheduleRepository extends CrudRepository<ScheduleRow, String> {
    List<ScheduleRow> findAllOrderById();

    /** Access levels that still use the schedule. */
    @Query("SELECT COUNT(*) FROM access_level WHERE schedule_id = :id")
    long countLevelsUsing(String id);

    /** Doors that stand open while the schedule is open (free access). */
    @Query("SELECT COUNT(*) FROM door WHERE free_access_schedule_id = :id")
    long countFreeAccessDoors(String id);
}
