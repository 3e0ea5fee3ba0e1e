package dev.warden.controller.person;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.H2)
public interface PersonRepository extends CrudRepository<PersonRow, String> {
    List<PersonRow> findAllOrderById();

    /** Credentials, fingerprints, access assignments and visits (as visitor or host) that still name the person. */
    @Query("SELECT (SELECT COUNT(*) FROM credential WHERE person_id = :id) "
            + "+ (SELECT COUNT(*) FROM fingerprint WHERE person_id = :id) "
            + "+ (SELECT COUNT(*) FROM access_assignment WHERE person_id = :id) "
            + "+ (SELECT COUNT(*) FROM visit WHERE visitor_id = :id OR host_id = :id)")
    long countReferences(String id);
}
