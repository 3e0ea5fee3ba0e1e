package dev.warden.controller.visit;

import dev.warden.controller.api.Input;
import dev.warden.controller.operator.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.util.List;

/**
 * {@code /api/v1/visits}: read by any operator; requested by ADMIN, SUPERVISOR, GUARD, HR or FACILITY_MANAGER;
 * approved and rejected by SUPERVISOR or ADMIN (approval never by the requester: 403); cancelled by the requester or
 * a SUPERVISOR/ADMIN. {@code ?status=}, {@code ?visitorId=}, {@code ?hostId=} filter the list.
 */
@Controller("/api/v1/visits")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class VisitController {
    private final VisitService service;

    VisitController(VisitService service) {
        this.service = service;
    }

    @Get
    List<VisitDto> list(@Nullable @QueryValue String status, @Nullable @QueryValue String visitorId,
                        @Nullable @QueryValue String hostId) {
        return service.list(status, Input.optionalId("visitorId", visitorId), Input.optionalId("hostId", hostId));
    }

    @Get("/{id}")
    VisitDto get(String id) {
        return service.get(id);
    }

    @Post
    @Secured({Roles.ADMIN, Roles.SUPERVISOR, Roles.GUARD, Roles.HR, Roles.FACILITY_MANAGER})
    HttpResponse<VisitDto> request(@Body VisitRequest body, Authentication operator) {
        VisitDto created = service.request(body, operator.getName());
        return HttpResponse.created(created, URI.create("/api/v1/visits/" + created.id()));
    }

    @Post("/{id}/approve")
    @Secured({Roles.SUPERVISOR, Roles.ADMIN})
    VisitDto approve(String id, @Nullable @Body VisitActionInput body, Authentication operator) {
        return service.approve(id, body, operator.getName(), operator.getRoles());
    }

    @Post("/{id}/reject")
    @Secured({Roles.SUPERVISOR, Roles.ADMIN})
    VisitDto reject(String id, @Nullable @Body VisitActionInput body, Authentication operator) {
        return service.reject(id, body, operator.getName(), operator.getRoles());
    }

    @Post("/{id}/cancel")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    VisitDto cancel(String id, @Nullable @Body VisitActionInput body, Authentication operator) {
        return service.cancel(id, body, operator.getName(), operator.getRoles());
    }
}
