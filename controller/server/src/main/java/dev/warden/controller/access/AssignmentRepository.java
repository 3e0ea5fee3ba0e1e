package dev.warden.controller.access;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.H2)
public interface AssignmentRepository extends CrudRepository<AssignmentRow, Long> {
    List<AssignmentRow> findAllOrderById();

    List<AssignmentRow> findByPersonIdOrderById(String personId);

    List<AssignmentRow> findByLevelIdOrderById(String levelId);

    Optional<AssignmentRow> findByPersonIdAndLevelId(String personId, String levelId);

    boolean existsByLevelId(String levelId);
}
