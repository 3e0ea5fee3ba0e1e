package dev.warden.controller.schedule;

import dev.warden.controller.operator.Roles;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.util.List;

/** {@code /api/v1/schedules}: read by any operator, written by ADMIN. */
@Controller("/api/v1/schedules")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ScheduleController {
    private final ScheduleService service;

    ScheduleController(ScheduleService service) {
        this.service = service;
    }

    @Get
    List<ScheduleDto> list() {
        return service.list();
    }

    @Get("/{id}")
    ScheduleDto get(String id) {
        return service.get(id);
    }

    @Post
    @Secured(Roles.ADMIN)
    HttpResponse<ScheduleDto> create(@Body ScheduleDto body) {
        ScheduleDto created = service.create(body);
        return HttpResponse.created(created, URI.create("/api/v1/schedules/" + created.id()));
    }

    @Put("/{id}")
    @Secured(Roles.ADMIN)
    ScheduleDto update(String id, @Body ScheduleDto body) {
        return service.update(id, body);
    }

    @Delete("/{id}")
    @Secured(Roles.ADMIN)
    HttpResponse<Void> delete(String id) {
        service.delete(id);
        return HttpResponse.noContent();
    }
}
