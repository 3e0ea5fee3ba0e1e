package dev.warden.controller.alarm;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.H2)
interface SensorThresholdRepository extends CrudRepository<SensorThresholdRow, Long> {
    Optional<SensorThresholdRow> findByDeviceIdAndQuantity(String deviceId, String quantity);

    List<SensorThresholdRow> findAllOrderByDeviceIdAndQuantity();
}
