package dev.warden.controller.fingerprint;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.H2)
public interface FingerprintRepository extends CrudRepository<FingerprintRow, String> {
    List<FingerprintRow> findAllOrderById();

    List<FingerprintRow> findByPersonIdOrderById(String personId);

    Optional<FingerprintRow> findByModuleIdAndPageId(String moduleId, int pageId);
}
