package dev.warden.controller.credential;

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

/** {@code /api/v1/credentials}: read by any operator, written by ADMIN or HR. {@code ?personId=} filters. */
@Controller("/api/v1/credentials")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class CredentialController {
    private final CredentialService service;

    CredentialController(CredentialService service) {
        this.service = service;
    }

    @Get
    List<CredentialDto> list(@Nullable @QueryValue String personId) {
        return service.list(Input.optionalId("personId", personId));
    }

    @Get("/{id}")
    CredentialDto get(String id) {
        return service.get(id);
    }

    @Post
    @Secured({Roles.ADMIN, Roles.HR})
    HttpResponse<CredentialDto> create(@Body CredentialDto body) {
        CredentialDto created = service.create(body);
        return HttpResponse.created(created, URI.create("/api/v1/credentials/" + created.id()));
    }

    @Put("/{id}")
    @Secured({Roles.ADMIN, Roles.HR})
    CredentialDto update(String id, @Body CredentialDto body) {
        return service.update(id, body);
    }

    @Delete("/{id}")
    @Secured({Roles.ADMIN, Roles.HR})
    HttpResponse<Void> delete(String id) {
        service.delete(id);
        return HttpResponse.noContent();
    }
}
