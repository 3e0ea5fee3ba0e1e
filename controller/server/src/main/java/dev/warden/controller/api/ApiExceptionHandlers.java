package dev.warden.controller.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps the service exceptions (and database constraint violations) onto 400/404/409 with an {@link ApiError}. */
final class ApiExceptionHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandlers.class);

    private ApiExceptionHandlers() {}

    @Produces
    @Singleton
    @Requires(classes = {InvalidInputException.class, ExceptionHandler.class})
    static final class InvalidInput implements ExceptionHandler<InvalidInputException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, InvalidInputException e) {
            LOG.info("Rejected {} {}: {}", request.getMethod(), request.getPath(), e.getMessage());
            return HttpResponse.badRequest(new ApiError("INVALID_INPUT", e.getMessage()));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {NotFoundException.class, ExceptionHandler.class})
    static final class NotFound implements ExceptionHandler<NotFoundException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, NotFoundException e) {
            return HttpResponse.notFound(new ApiError("NOT_FOUND", e.getMessage()));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {ConflictException.class, ExceptionHandler.class})
    static final class Conflict implements ExceptionHandler<ConflictException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, ConflictException e) {
            LOG.info("Conflict on {} {}: {}", request.getMethod(), request.getPath(), e.getMessage());
            return HttpResponse.<ApiError>status(HttpStatus.CONFLICT).body(new ApiError("CONFLICT", e.getMessage()));
        }
    }

    /** A constraint the services did not foresee (e.g. a concurrent insert of the same id): 409, never a 500. */
    @Produces
    @Singleton
    @Requires(classes = {DataAccessException.class, ExceptionHandler.class})
    static final class DataAccess implements ExceptionHandler<DataAccessException, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, DataAccessException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return HttpResponse.<ApiError>status(HttpStatus.CONFLICT)
                        .body(new ApiError("CONFLICT", "a record with the same key already exists"));
            }
            if (SqlErrors.isForeignKeyViolation(e)) {
                return HttpResponse.<ApiError>status(HttpStatus.CONFLICT)
                        .body(new ApiError("CONFLICT", "the record is still referenced by other records, or refers to one that does not exist"));
            }
            LOG.error("Database error on {} {}", request.getMethod(), request.getPath(), e);
            return HttpResponse.<ApiError>status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .body(new ApiError("INTERNAL_ERROR", "database error; see the controller log"));
        }
    }
}
