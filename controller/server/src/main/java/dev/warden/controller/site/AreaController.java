package dev.warden.controller.site;

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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.util.List;

/**
 * {@code /api/v1/areas}: read by any operator, written by ADMIN; lockdown set and lifted by SUPERVISOR or ADMIN with a
 * reason. {@code ?siteId=} filters the list.
 */
@Controller("/api/v1/areas")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class AreaController {
    private final SiteService service;

    AreaController(SiteService service) {
        this.service = service;
    }

    @Get
    List<AreaDto> list(@Nullable @QueryValue String siteId) {
        return service.listAreas(Input.optionalId("siteId", siteId));
    }

    @Get("/{id}")
    AreaDto get(String id) {
        return service.area(id);
    }

    @Post
    @Secured(Roles.ADMIN)
    HttpResponse<AreaDto> create(@Body AreaDto body, Authentication operator) {
        AreaDto created = service.createArea(body, operator.getName());
        return HttpResponse.created(created, URI.create("/api/v1/areas/" + created.id()));
    }

    @Put("/{id}")
    @Secured(Roles.ADMIN)
    AreaDto update(String id, @Body AreaDto body, Authentication operator) {
        return service.updateArea(id, body, operator.getName());
    }

    @Delete("/{id}")
    @Secured(Roles.ADMIN)
    HttpResponse<Void> delete(String id) {
        service.deleteArea(id);
        return HttpResponse.noContent();
    }

    /** Locks the area (and every area below it) down for entries (lockdown-exempt people excepted). */
    @Post("/{id}/lockdown")
    @Secured({Roles.SUPERVISOR, Roles.ADMIN})
    AreaDto lockdown(String id, @Nullable @Body ReasonInput body, Authentication operator) {
        return service.setAreaLockdown(id, true, body, operator.getName());
    }

    @Post("/{id}/lockdown/lift")
    @Secured({Roles.SUPERVISOR, Roles.ADMIN})
    AreaDto liftLockdown(String id, @Nullable @Body ReasonInput body, Authentication operator) {
        return service.setAreaLockdown(id, false, body, operator.getName());
    }
}
