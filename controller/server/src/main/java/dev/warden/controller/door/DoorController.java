package dev.warden.controller.door;

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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.util.List;

/** {@code /api/v1/doors}: read (with live state) by any operator, written by ADMIN. */
@Controller("/api/v1/doors")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class DoorController {
    private final DoorService service;

    DoorController(DoorService service) {
        this.service = service;
    }

    @Get
    List<DoorDto> list() {
        return service.list();
    }

    @Get("/{id}")
    DoorDto get(String id) {
        return service.get(id);
    }

    @Post
    @Secured(Roles.ADMIN)
    HttpResponse<DoorDto> create(@Body DoorDto body, Authentication operator) {
        DoorDto created = service.create(body, operator.getName());
        return HttpResponse.created(created, URI.create("/api/v1/doors/" + created.id()));
    }

    @Put("/{id}")
    @Secured(Roles.ADMIN)
    DoorDto update(String id, @Body DoorDto body, Authentication operator) {
        return service.update(id, body, operator.getName());
    }

    @Delete("/{id}")
    @Secured(Roles.ADMIN)
    HttpResponse<Void> delete(String id, Authentication operator) {
        service.delete(id, operator.getName());
        return HttpResponse.noContent();
    }
}
