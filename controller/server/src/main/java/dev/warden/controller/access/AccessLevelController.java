package dev.warden.controller.access;

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

/** {@code /api/v1/access-levels}: read by any operator, written by ADMIN. */
@Controller("/api/v1/access-levels")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class AccessLevelController {
    private final AccessService service;

    AccessLevelController(AccessService service) {
        this.service = service;
    }

    @Get
    List<AccessLevelDto> list() {
        return service.listLevels();
    }

    @Get("/{id}")
    AccessLevelDto get(String id) {
        return service.level(id);
    }

    @Post
    @Secured(Roles.ADMIN)
    HttpResponse<AccessLevelDto> create(@Body AccessLevelDto body) {
        AccessLevelDto created = service.createLevel(body);
        return HttpResponse.created(created, URI.create("/api/v1/access-levels/" + created.id()));
    }

    @Put("/{id}")
    @Secured(Roles.ADMIN)
    AccessLevelDto update(String id, @Body AccessLevelDto body) {
        return service.updateLevel(id, body);
    }

    @Delete("/{id}")
    @Secured(Roles.ADMIN)
    HttpResponse<Void> delete(String id) {
        service.deleteLevel(id);
        return HttpResponse.noContent();
    }
}
