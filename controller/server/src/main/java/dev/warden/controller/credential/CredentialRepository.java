package dev.warden.controller.credential;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.H2)
public interface CredentialRepository extends CrudRepository<CredentialRow, String> {
    List<CredentialRow> findAllOrderById();

    List<CredentialRow> findByPersonIdOrderById(String personId);

    Optional<CredentialRow> findByFormatAndFacilityAndCardNumber(String format, long facility, long cardNumber);
}
