package dev.warden.controller.access;

import dev.warden.controller.api.Input;
import dev.warden.controller.operator.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.util.List;

/**
 * {@code /api/v1/assignments}: read by any operator, written by ADMIN. {@code ?personId=} and
 * {@code ?accessLevelId=} filter the list.
 */
@Controller("/api/v1/assignments")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class AssignmentController {
    private final AccessService service;

    AssignmentController(AccessService service) {
        this.service = service;
    }

    @Get
    List<AssignmentDto> list(@Nullable @QueryValue String personId, @Nullable @QueryValue String accessLevelId) {
        return service.listAssignments(Input.optionalId("personId", personId),
                Input.optionalId("accessLevelId", accessLevelId));
    }

    @Get("/{id}")
    AssignmentDto get(long id) {
        return service.assignment(id);
    }

    @Post
    @Secured(Roles.ADMIN)
    HttpResponse<AssignmentDto> create(@Body AssignmentDto body) {
        AssignmentDto created = service.createAssignment(body);
        return HttpResponse.created(created, URI.create("/api/v1/assignments/" + created.id()));
    }

    @Put("/{id}")
    @Secured(Roles.ADMIN)
    AssignmentDto update(long id, @Body AssignmentDto body) {
        return service.updateAssignment(id, body);
    }

    @Delete("/{id}")
    @Secured(Roles.ADMIN)
    HttpResponse<Void> delete(long id) {
        service.deleteAssignment(id);
        return HttpResponse.noContent();
    }
}
