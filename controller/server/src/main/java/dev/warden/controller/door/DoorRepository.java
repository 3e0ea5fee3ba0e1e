package dev.warden.controller.door;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.H2)
public interface DoorRepository extends CrudRepository<DoorRow, String> {
    List<DoorRow> findAllOrderById();

    boolean existsByAreaId(String areaId);

    /** The door a reader serves, in or out (reader ids are unique across all doors). */
    @Query("SELECT * FROM door WHERE reader_in_id = :readerId OR reader_out_id = :readerId")
    List<DoorRow> findByReader(String readerId);

    /** Access levels that include the door. */
    @Query("SELECT COUNT(*) FROM access_level_door WHERE door_id = :id")
    long countLevels(String id);
}
