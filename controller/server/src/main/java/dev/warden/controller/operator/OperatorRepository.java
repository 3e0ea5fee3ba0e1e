package dev.warden.controller.operator;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.H2)
public interface OperatorRepository extends CrudRepository<OperatorRow, String> {
    List<OperatorRow> findAllOrderByUsername();

    /**
     * Locks every operator row until the transaction ends, so that changes that must keep one enabled ADMIN run
     * one after another (check-then-act without a race). Operator changes are rare; the lock is cheap.
     */
    @Query("SELECT username FROM operator FOR UPDATE")
    List<String> lockAll();
}
