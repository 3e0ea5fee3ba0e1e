package dev.warden.controller.access;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.H2)
public interface AccessLevelRepository extends CrudRepository<AccessLevelRow, String> {
    List<AccessLevelRow> findAllOrderById();
}
