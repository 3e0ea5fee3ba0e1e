package dev.warden.controller.access;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.H2)
public interface AccessLevelDoorRepository extends CrudRepository<AccessLevelDoorRow, Long> {
    List<AccessLevelDoorRow> findAllOrderByLevelIdAndDoorId();

    List<AccessLevelDoorRow> findByLevelIdOrderByDoorId(String levelId);

    void deleteByLevelId(String levelId);
}
