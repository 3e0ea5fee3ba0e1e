package dev.warden.controller.operator;

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
import java.net.URI;
import java.util.List;

/** {@code /api/v1/operators}: operator accounts, ADMIN only. */
@Controller("/api/v1/operators")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.ADMIN)
class OperatorController {
    private final OperatorService service;

    OperatorController(OperatorService service) {
        this.service = service;
    }

    @Get
    List<OperatorDto> list() {
        return service.list();
    }

    @Get("/{username}")
    OperatorDto get(String username) {
        return service.get(username);
    }

    @Post
    HttpResponse<OperatorDto> create(@Body OperatorInput body) {
        OperatorDto created = service.create(body);
        return HttpResponse.created(created, URI.create("/api/v1/operators/" + created.username()));
    }

    @Put("/{username}")
    OperatorDto update(String username, @Body OperatorInput body) {
        return service.update(username, body);
    }

    @Delete("/{username}")
    HttpResponse<Void> delete(String username) {
        service.delete(username);
        return HttpResponse.noContent();
    }
}
