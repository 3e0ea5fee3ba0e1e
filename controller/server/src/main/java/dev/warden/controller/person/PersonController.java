package dev.warden.controller.person;

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

/**
 * {@code /api/v1/people}: read by any operator, written by ADMIN or HR, including the PINs
 * ({@code PUT/DELETE /api/v1/people/{id}/pin}), which are never returned. The security attributes (clearance,
 * lockdown exemption) change only through {@code PUT /api/v1/people/{id}/security}: SUPERVISOR or ADMIN, with a
 * reason.
 */
@Controller("/api/v1/people")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class PersonController {
    private final PersonService service;

    PersonController(PersonService service) {
        this.service = service;
    }

    @Get
    List<PersonDto> list() {
        return service.list();
    }

    @Get("/{id}")
    PersonDto get(String id) {
        return service.get(id);
    }

    @Post
    @Secured({Roles.ADMIN, Roles.HR})
    HttpResponse<PersonDto> create(@Body PersonDto body, Authentication operator) {
        PersonDto created = service.create(body, operator.getName(), operator.getRoles());
        return HttpResponse.created(created, URI.create("/api/v1/people/" + created.id()));
    }

    @Put("/{id}")
    @Secured({Roles.ADMIN, Roles.HR})
    PersonDto update(String id, @Body PersonDto body, Authentication operator) {
        return service.update(id, body, operator.getName(), operator.getRoles());
    }

    /** Changes clearance and lockdown exemption, with a reason; recorded as an OPERATOR event. */
    @Put("/{id}/security")
    @Secured({Roles.SUPERVISOR, Roles.ADMIN})
    PersonDto security(String id, @Body SecurityInput body, Authentication operator) {
        return service.setSecurity(id, body, operator.getName());
    }

    @Delete("/{id}")
    @Secured({Roles.ADMIN, Roles.HR})
    HttpResponse<Void> delete(String id) {
        service.delete(id);
        return HttpResponse.noContent();
    }

    /** Sets the card + PIN PIN and the duress PIN; answers the person (with {@code hasPin}), never the PINs. */
    @Put("/{id}/pin")
    @Secured({Roles.ADMIN, Roles.HR})
    PersonDto setPin(String id, @Body PinInput body, Authentication operator) {
        return service.setPin(id, body, operator.getName());
    }

    @Delete("/{id}/pin")
    @Secured({Roles.ADMIN, Roles.HR})
    HttpResponse<Void> clearPin(String id, Authentication operator) {
        service.clearPin(id, operator.getName());
        return HttpResponse.noContent();
    }
}
