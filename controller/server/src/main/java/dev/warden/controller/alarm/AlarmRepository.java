package dev.warden.controller.alarm;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.repository.jpa.JpaSpecificationExecutor;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.H2)
interface AlarmRepository extends CrudRepository<AlarmRow, Long>, JpaSpecificationExecutor<AlarmRow> {
    Optional<AlarmRow> findByOpenKey(String openKey);

    /** Open alarms (open_key set), for restoring detector state at start-up. */
    List<AlarmRow> findByOpenKeyIsNotNull();

    /** Open alarms of an agent's devices and sensors (the ones its reports can open). */
    long countByAgentIdAndDeviceIdIsNotNullAndOpenKeyIsNotNull(String agentId);
}
