package dev.warden.controller.event;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.repository.jpa.JpaSpecificationExecutor;

@JdbcRepository(dialect = Dialect.H2)
public interface AccessEventRepository
        extends CrudRepository<AccessEventRow, Long>, JpaSpecificationExecutor<AccessEventRow> {
    boolean existsByAgentIdAndSeq(String agentId, Long seq);
}
