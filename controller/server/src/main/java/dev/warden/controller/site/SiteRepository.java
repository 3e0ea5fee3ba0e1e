package dev.warden.controller.site;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.H2)
public interface SiteRepository extends CrudRepository<SiteRow, String> {
    List<SiteRow> findAllOrderById();

    /** Schedules evaluated in the site's time zone. */
    @Query("SELECT COUNT(*) FROM schedule WHERE site_id = :id")
    long countSchedules(String id);
}
