package dev.warden.controller.event;

import dev.warden.controller.decision.AccessIndex;
import dev.warden.controller.decision.IndexView;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.data.repository.jpa.criteria.PredicateSpecification;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Searches stored events, newest first ({@code occurredAt} then id, descending). */
@Singleton
public class EventQueryService {
    private final AccessEventRepository events;
    private final AccessIndex index;

    public EventQueryService(AccessEventRepository events, AccessIndex index) {
        this.events = events;
        this.index = index;
    }

    @ReadOnly
    public EventPage search(EventQuery q) {
        PredicateSpecification<AccessEventRow> spec = (root, cb) -> {
            List<Predicate> all = new ArrayList<>();
            if (q.from() != null) {
                all.add(cb.greaterThanOrEqualTo(root.<Instant>get("occurredAt"), q.from()));
            }
            if (q.to() != null) {
                all.add(cb.lessThan(root.<Instant>get("occurredAt"), q.to()));
            }
            if (q.doorId() != null) {
                all.add(cb.equal(root.get("doorId"), q.doorId()));
            }
            if (q.personId() != null) {
                all.add(cb.equal(root.get("personId"), q.personId()));
            }
            if (q.decision() != null) {
                all.add(cb.equal(root.get("decision"), q.decision()));
            }
            return all.isEmpty() ? null : cb.and(all.toArray(new Predicate[0]));
        };
        Pageable pageable = Pageable.from(q.page(), q.size(),
                Sort.of(Sort.Order.desc("occurredAt"), Sort.Order.desc("id")));
        Page<AccessEventRow> page = events.findAll(spec, pageable);
        IndexView view = index.current();
        List<EventView> items = page.getContent().stream().map(r -> EventViews.of(r, view)).toList();
        return new EventPage(items, q.page(), q.size(), page.getTotalSize());
    }
}
