package dev.warden.controller.site;

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

/** {@code /api/v1/sites}: read by any operator, written by ADMIN. */
@Controller("/api/v1/sites")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class SiteController {
    private final SiteService service;

    SiteController(SiteService service) {
        this.service = service;
    }

    @Get
    List<SiteDto> list() {
        return service.listSites();
    }

    @Get("/{id}")
    SiteDto get(String id) {
        return service.site(id);
    }

    @Post
    @Secured(Roles.ADMIN)
    HttpResponse<SiteDto> create(@Body SiteDto body) {
        SiteDto created = service.createSite(body);
        return HttpResponse.created(created, URI.create("/api/v1/sites/" + created.id()));
    }

    @Put("/{id}")
    @Secured(Roles.ADMIN)
    SiteDto update(String id, @Body SiteDto body) {
        return service.updateSite(id, body);
    }

    @Delete("/{id}")
    @Secured(Roles.ADMIN)
    HttpResponse<Void> delete(String id) {
        service.deleteSite(id);
        return HttpResponse.noContent();
    }
}
