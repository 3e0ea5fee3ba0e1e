package dev.warden.controller.site;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.H2)
public interface AreaRepository extends CrudRepository<AreaRow, String> {
    List<AreaRow> findAllOrderById();

    List<AreaRow> findBySiteIdOrderById(String siteId);

    boolean existsBySiteId(String siteId);

    boolean existsByParentId(String parentId);

    /** Doors that lead into the area. */
    @Query("SELECT COUNT(*) FROM door WHERE area_id = :id")
    long countDoors(String id);

    /** Visits that name the area. */
    @Query("SELECT COUNT(*) FROM visit_area WHERE area_id = :id")
    long countVisits(String id);

    /**
     * Open visits (REQUESTED or APPROVED, not yet over at {@code now}) that name the area: they cover every area
     * nested in it.
     */
    @Query("SELECT COUNT(*) FROM visit_area va JOIN visit v ON v.id = va.visit_id WHERE va.area_id = :id "
            + "AND v.status IN ('REQUESTED', 'APPROVED') AND v.valid_until > :now")
    long countOpenVisits(String id, Instant now);

    /** Doors leading into the area that stand open on a free-access schedule. */
    @Query("SELECT COUNT(*) FROM door WHERE area_id = :id AND free_access_schedule_id IS NOT NULL")
    long countFreeAccessDoors(String id);
}
