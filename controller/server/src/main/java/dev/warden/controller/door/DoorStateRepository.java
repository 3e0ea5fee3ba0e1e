package dev.warden.controller.door;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;

@JdbcRepository(dialect = Dialect.H2)
public interface DoorStateRepository extends CrudRepository<DoorStateRow, String> {

    /**
     * Records a reported state unless a later report is already stored (redelivered or out-of-order events never
     * move the state back). A recorded time after {@code ceiling} (a future-dated report stored before agent times
     * were bounded) never blocks a new report. Returns the number of rows changed: 0 for an unknown door or an
     * older report.
     */
    @Query("UPDATE door_state SET state = :state, changed_at = :changedAt "
            + "WHERE door_id = :doorId AND (changed_at IS NULL OR changed_at <= :changedAt OR changed_at > :ceiling)")
    int applyIfNewer(String doorId, String state, Instant changedAt, Instant ceiling);
}
