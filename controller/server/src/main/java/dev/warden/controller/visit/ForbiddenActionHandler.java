package dev.warden.controller.visit;

import dev.warden.controller.api.ApiError;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers a {@link ForbiddenActionException} with 403 {@code FORBIDDEN} and its message, and logs it. */
@Produces
@Singleton
@Requires(classes = {ForbiddenActionException.class, ExceptionHandler.class})
final class ForbiddenActionHandler implements ExceptionHandler<ForbiddenActionException, HttpResponse<ApiError>> {
    private static final Logger LOG = LoggerFactory.getLogger(ForbiddenActionHandler.class);

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ForbiddenActionException e) {
        LOG.warn("Refused {} {}: {}", request.getMethod(), request.getPath(), e.getMessage());
        return HttpResponse.<ApiError>status(HttpStatus.FORBIDDEN).body(new ApiError("FORBIDDEN", e.getMessage()));
    }
}
