package dev.warden.controller.alarm;

import dev.warden.controller.operator.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;

/**
 * {@code /api/v1/sensor-thresholds}: a sensor's own band per quantity (temperature, humidity), read by any operator,
 * set and removed by ADMIN and FACILITY_MANAGER. Sensors without their own band use {@code warden.alarms.*}.
 */
@Controller("/api/v1/sensor-thresholds")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class SensorThresholdController {
    private final SensorThresholds thresholds;

    SensorThresholdController(SensorThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @Get
    List<SensorThresholdDto> list() {
        return thresholds.list();
    }

    @Put("/{deviceId}/{quantity}")
    @Secured({Roles.ADMIN, Roles.FACILITY_MANAGER})
    SensorThresholdDto put(String deviceId, String quantity, @Nullable @Body SensorThresholdDto body) {
        return thresholds.put(deviceId, quantity, body);
    }

    @Delete("/{deviceId}/{quantity}")
    @Secured({Roles.ADMIN, Roles.FACILITY_MANAGER})
    HttpResponse<Void> delete(String deviceId, String quantity) {
        thresholds.delete(deviceId, quantity);
        return HttpResponse.noContent();
    }
}
