package dev.warden.controller.door;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.H2)
public interface FreeAccessUnlockRepository extends CrudRepository<FreeAccessUnlockRow, String> {}
