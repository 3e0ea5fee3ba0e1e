package dev.warden.controller.decision;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Health of the access index: DOWN when a committed change has not reached the decisions for more than
 * {@link RebuildTracker#MAX_LAG} (rebuilds keep failing, so decisions run on a stale snapshot). Details — index
 * version, when it was built, the oldest pending change, the last error — are shown only to authenticated callers
 * ({@code endpoints.health.details-visible: AUTHENTICATED}); anonymous callers of {@code /health} see the status.
 */
@Singleton
class AccessIndexHealth implements HealthIndicator {
    static final String NAME = "accessIndex";

    private final AccessIndex index;

    AccessIndexHealth(AccessIndex index) {
        this.index = index;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        RebuildTracker.Status s = index.rebuildStatus();
        IndexView view = index.current();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", view.version());
        details.put("builtAt", view.builtAt().toString());
        if (s.oldestPending() != null) {
            details.put("pendingSince", s.oldestPending().toString());
        }
        if (s.lastError() != null) {
            details.put("lastError", s.lastError());
            details.put("lastFailure", String.valueOf(s.lastFailure()));
        }
        return Publishers.just(HealthResult.builder(NAME, s.stale() ? HealthStatus.DOWN : HealthStatus.UP)
                .details(details).build());
    }
}
