package dev.warden.controller.occupancy;

import dev.warden.controller.api.Input;
import dev.warden.controller.api.InvalidInputException;
import dev.warden.controller.operator.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.Locale;

/**
 * {@code GET /api/v1/occupancy?area=}, {@code GET /api/v1/muster?site=} (JSON, or CSV with {@code Accept: text/csv})
 * for guards, supervisors, facility managers and admins; {@code POST /api/v1/people/{id}/passback/forgive} for
 * guards, supervisors and admins.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class OccupancyController {
    static final String TEXT_CSV = "text/csv";

    private final OccupancyService service;

    OccupancyController(OccupancyService service) {
        this.service = service;
    }

    @Get("/occupancy")
    @Secured({Roles.GUARD, Roles.SUPERVISOR, Roles.FACILITY_MANAGER, Roles.ADMIN})
    OccupancyDto occupancy(@Nullable @QueryValue String area) {
        return service.inArea(Input.optionalId("area", area));
    }

    @Get("/muster")
    @Produces({MediaType.APPLICATION_JSON, TEXT_CSV})
    @Secured({Roles.GUARD, Roles.SUPERVISOR, Roles.FACILITY_MANAGER, Roles.ADMIN})
    HttpResponse<?> muster(@Nullable @QueryValue String site, @Nullable @Header(HttpHeaders.ACCEPT) String accept) {
        if (site == null || site.isBlank()) {
            throw new InvalidInputException("site is required");
        }
        MusterDto muster = service.muster(Input.id("site", site));
        if (wantsCsv(accept)) {
            return HttpResponse.ok(MusterCsv.of(muster.people()))
                    .contentType(MediaType.of(TEXT_CSV + ";charset=utf-8"))
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"muster-" + muster.siteId() + ".csv\"");
        }
        return HttpResponse.ok(muster).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Post("/people/{id}/passback/forgive")
    @Secured({Roles.GUARD, Roles.SUPERVISOR, Roles.ADMIN})
    ForgiveResult forgive(String id, @Nullable @Body ForgiveRequest body, Authentication operator) {
        return service.forgive(id, body, operator.getName());
    }

    /** CSV when the client asks for text/csv and not (first) for JSON. */
    static boolean wantsCsv(String accept) {
        if (accept == null) {
            return false;
        }
        for (String part : accept.split(",")) {
            String type = part.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (type.equals(TEXT_CSV)) {
                return true;
            }
            if (type.equals(MediaType.APPLICATION_JSON)) {
                return false;
            }
        }
        return false;
    }
}
