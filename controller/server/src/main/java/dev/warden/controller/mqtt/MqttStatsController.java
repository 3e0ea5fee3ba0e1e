package dev.warden.controller.mqtt;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;

/** {@code GET /api/v1/mqtt/stats}: the MQTT counters, read-only, for administrators and supervisors. */
@Controller("/api/v1/mqtt")
@Secured({"ADMIN", "SUPERVISOR"})
public class MqttStatsController {

    private final MqttIngressStats stats;

    public MqttStatsController(MqttIngressStats stats) {
        this.stats = stats;
    }

    @Get("/stats")
    public MqttIngressStats.Snapshot stats() {
        return stats.snapshot();
    }
}
