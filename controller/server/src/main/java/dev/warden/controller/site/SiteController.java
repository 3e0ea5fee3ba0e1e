package dev.warden.controller.site;

import dev.warden.controller.operator.Roles;
import io.micronaut.core.annotation.Nullable;
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

/**
 * {@code /api/v1/sites}: read by any operator, written by ADMIN; threat level and lockdown changed by SUPERVISOR or
 * ADMIN with a reason; public holidays under {@code /api/v1/sites/{id}/holidays}.
 */
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

    /** Changes the threat level; the reason and the operator are recorded. */
    @Put("/{id}/threat-level")
    @Secured({Roles.SUPERVISOR, Roles.ADMIN})
    SiteDto threatLevel(String id, @Body ThreatLevelInput body, Authentication operator) {
        return service.setThreatLevel(id, body, operator.getName());
    }

    /** Locks the whole site down for entries (lockdown-exempt people excepted). */
    @Post("/{id}/lockdown")
    @Secured({Roles.SUPERVISOR, Roles.ADMIN})
    SiteDto lockdown(String id, @Nullable @Body ReasonInput body, Authentication operator) {
        return service.setSiteLockdown(id, true, body, operator.getName());
    }

    @Post("/{id}/lockdown/lift")
    @Secured({Roles.SUPERVISOR, Roles.ADMIN})
    SiteDto liftLockdown(String id, @Nullable @Body ReasonInput body, Authentication operator) {
        return service.setSiteLockdown(id, false, body, operator.getName());
    }

    @Get("/{id}/holidays")
    List<HolidayDto> holidays(String id) {
        return service.listHolidays(id);
    }

    @Post("/{id}/holidays")
    @Secured(Roles.ADMIN)
    HttpResponse<HolidayDto> addHoliday(String id, @Body HolidayDto body) {
        HolidayDto created = service.addHoliday(id, body);
        return HttpResponse.created(created, URI.create("/api/v1/sites/" + id + "/holidays/" + created.date()));
    }

    @Delete("/{id}/holidays/{date}")
    @Secured(Roles.ADMIN)
    HttpResponse<Void> deleteHoliday(String id, String date) {
        service.deleteHoliday(id, date);
        return HttpResponse.noContent();
    }
}
