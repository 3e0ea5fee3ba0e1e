package dev.warden.controller.fingerprint;

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
 * {@code /api/v1/fingerprints}: read by any operator, written by ADMIN or HR (as credentials). {@code ?personId=}
 * filters; {@code POST /{id}/revoke} sets the status to REVOKED.
 */
@Controller("/api/v1/fingerprints")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class FingerprintController {
    private final FingerprintService service;

    FingerprintController(FingerprintService service) {
        this.service = service;
    }

    @Get
    List<FingerprintDto> list(@Nullable @QueryValue String personId) {
        return service.list(Input.optionalId("personId", personId));
    }

    @Get("/{id}")
    FingerprintDto get(String id) {
        return service.get(id);
    }

    @Post
    @Secured({Roles.ADMIN, Roles.HR})
    HttpResponse<FingerprintDto> create(@Body FingerprintDto body) {
        FingerprintDto created = service.create(body);
        return HttpResponse.created(created, URI.create("/api/v1/fingerprints/" + created.id()));
    }

    @Put("/{id}")
    @Secured({Roles.ADMIN, Roles.HR})
    FingerprintDto update(String id, @Body FingerprintDto body) {
        return service.update(id, body);
    }

    @Post("/{id}/revoke")
    @Secured({Roles.ADMIN, Roles.HR})
    FingerprintDto revoke(String id) {
        return service.revoke(id);
    }

    @Delete("/{id}")
    @Secured({Roles.ADMIN, Roles.HR})
    HttpResponse<Void> delete(String id) {
        service.delete(id);
        return HttpResponse.noContent();
    }
}
