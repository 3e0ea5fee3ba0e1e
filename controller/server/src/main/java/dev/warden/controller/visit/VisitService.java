package dev.warden.controller.visit;

import dev.warden.controller.access.OperatorActions;
import dev.warden.controller.api.ConflictException;
import dev.warden.controller.api.Input;
import dev.warden.controller.api.InvalidInputException;
import dev.warden.controller.api.NotFoundException;
import dev.warden.controller.decision.AccessIndex;
import dev.warden.controller.operator.Roles;
import dev.warden.controller.person.PersonRepository;
import dev.warden.controller.person.PersonRow;
import dev.warden.controller.site.AreaRepository;
import dev.warden.controller.site.AreaRow;
import dev.warden.policy.PersonKind;
import dev.warden.policy.PersonStatus;
import dev.warden.policy.VisitStatus;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Visits: validation, the status transitions (REQUESTED → APPROVED / REJECTED / CANCELLED, APPROVED → CANCELLED) and
 * the segregation of duties (approval and rejection by SUPERVISOR or ADMIN only, approval never by the operator who
 * requested the visit; cancel by the requester or a SUPERVISOR/ADMIN). Each change is recorded as an operator event
 * and reaches the doors with the next index version.
 */
@Singleton
public class VisitService {
    static final Duration MAX_LENGTH = Duration.ofDays(31);
    static final int MAX_AREAS = 50;
    static final int MAX_PURPOSE = 200;

    private final VisitRepository visits;
    private final VisitAreaRepository visitAreas;
    private final PersonRepository people;
    private final AreaRepository areas;
    private final OperatorActions actions;
    private final AccessIndex index;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public VisitService(VisitRepository visits, VisitAreaRepository visitAreas, PersonRepository people,
                        AreaRepository areas, OperatorActions actions, AccessIndex index, Clock clock) {
        this.visits = visits;
        this.visitAreas = visitAreas;
        this.people = people;
        this.areas = areas;
        this.actions = actions;
        this.index = index;
        this.clock = clock;
    }

    @ReadOnly
    public List<VisitDto> list(String status, String visitorId, String hostId) {
        String wanted = status == null || status.isBlank() ? null : Input.oneOf("status", status, VisitStatus.class).name();
        Map<String, List<String>> areasByVisit = new HashMap<>();
        for (VisitAreaRow a : visitAreas.findAllOrderByVisitIdAndAreaId()) {
            areasByVisit.computeIfAbsent(a.visitId(), k -> new ArrayList<>()).add(a.areaId());
        }
        return visits.findAllOrderByValidFromAndId().stream()
                .filter(v -> wanted == null || v.status().equals(wanted))
                .filter(v -> visitorId == null || v.visitorId().equals(visitorId))
                .filter(v -> hostId == null || v.hostId().equals(hostId))
                .map(v -> VisitDto.of(v, areasByVisit.getOrDefault(v.id(), List.of())))
                .toList();
    }

    @ReadOnly
    public VisitDto get(String id) {
        return view(row(id));
    }

    /** Requests a visit on behalf of {@code operator}; it waits for a supervisor's approval. */
    @Transactional
    public VisitDto request(VisitRequest body, String operator) {
        Input.bodyPresent(body);
        String id = body.id() == null || body.id().isBlank() ? newId() : Input.id("id", body.id());
        String visitorId = Input.id("visitorId", body.visitorId());
        String hostId = Input.id("hostId", body.hostId());
        Input.require(body.validFrom() != null, "validFrom is required");
        Input.require(body.validUntil() != null, "validUntil is required");
        Input.require(body.validFrom().isBefore(body.validUntil()), "validUntil must be after validFrom");
        Input.require(!Duration.between(body.validFrom(), body.validUntil()).minus(MAX_LENGTH).isPositive(),
                "a visit lasts at most " + MAX_LENGTH.toDays() + " days");
        Input.require(body.validUntil().isAfter(clock.instant()), "validUntil must be in the future");
        String purpose = body.purpose() == null || body.purpose().isBlank() ? null : Input.name("purpose", body.purpose());
        Set<String> areaIds = validAreas(body.areaIds());
        checkVisitor(visitorId, InvalidInputException::new);
        checkHost(hostId, InvalidInputException::new);
        if (visits.existsById(id)) {
            throw new ConflictException("visit '" + id + "' already exists");
        }
        Instant now = clock.instant();
        VisitRow row = new VisitRow(id, visitorId, hostId, VisitStatus.REQUESTED.name(), body.validFrom(),
                body.validUntil(), purpose, operator, now, null, null, null, null, null);
        visits.save(row);
        visitAreas.saveAll(areaIds.stream().map(a -> new VisitAreaRow(null, id, a)).toList());
        actions.record(operator, "VISIT_REQUESTED", null, visitorId,
                "visit " + id + " requested for " + visitorId + " hosted by " + hostId, null);
        index.rebuildAfterCommit();
        return view(row);
    }

    /** Approves a REQUESTED visit: SUPERVISOR or ADMIN, never the operator who requested it. */
    @Transactional
    public VisitDto approve(String id, VisitActionInput body, String operator, Collection<String> roles) {
        String comment = body == null || body.reason() == null || body.reason().isBlank() ? null
                : reason(body.reason());
        VisitRow before = row(id);
        requireSupervisor(roles, "approve");
        if (before.requestedBy().equals(operator)) {
            throw new ForbiddenActionException("visit '" + id + "' was requested by " + operator
                    + "; another supervisor must approve it (nobody approves their own request)");
        }
        requireStatus(before, "approve", VisitStatus.REQUESTED);
        Instant now = clock.instant();
        if (!before.validUntil().isAfter(now)) {
            throw new ConflictException("visit '" + id + "' ended at " + before.validUntil() + "; it cannot be approved");
        }
        checkVisitor(before.visitorId(), ConflictException::new);
        checkHost(before.hostId(), ConflictException::new);
        VisitRow row = before.approved(operator, now);
        visits.update(row);
        actions.record(operator, "VISIT_APPROVED", null, before.visitorId(),
                "visit " + id + " of " + before.visitorId() + " (requested by " + before.requestedBy() + ") approved",
                comment);
        index.rebuildAfterCommit();
        return view(row);
    }

    /** Rejects a REQUESTED visit (SUPERVISOR or ADMIN) with a reason. */
    @Transactional
    public VisitDto reject(String id, VisitActionInput body, String operator, Collection<String> roles) {
        String reason = reason(body == null ? null : body.reason());
        VisitRow before = row(id);
        requireSupervisor(roles, "reject");
        requireStatus(before, "reject", VisitStatus.REQUESTED);
        VisitRow row = before.ended(VisitStatus.REJECTED.name(), operator, clock.instant(), reason);
        visits.update(row);
        actions.record(operator, "VISIT_REJECTED", null, before.visitorId(),
                "visit " + id + " of " + before.visitorId() + " rejected", reason);
        index.rebuildAfterCommit();
        return view(row);
    }

    /** Cancels a REQUESTED or APPROVED visit: its requester, or a SUPERVISOR or ADMIN, with a reason. */
    @Transactional
    public VisitDto cancel(String id, VisitActionInput body, String operator, Collection<String> roles) {
        String reason = reason(body == null ? null : body.reason());
        VisitRow before = row(id);
        if (!before.requestedBy().equals(operator) && !isSupervisor(roles)) {
            throw new ForbiddenActionException("only the operator who requested visit '" + id
                    + "' or a SUPERVISOR or ADMIN may cancel it");
        }
        requireStatus(before, "cancel", VisitStatus.REQUESTED, VisitStatus.APPROVED);
        VisitRow row = before.ended(VisitStatus.CANCELLED.name(), operator, clock.instant(), reason);
        visits.update(row);
        actions.record(operator, "VISIT_CANCELLED", null, before.visitorId(),
                "visit " + id + " of " + before.visitorId() + " cancelled", reason);
        index.rebuildAfterCommit();
        return view(row);
    }

    private static boolean isSupervisor(Collection<String> roles) {
        return roles.contains(Roles.SUPERVISOR) || roles.contains(Roles.ADMIN);
    }

    private static void requireSupervisor(Collection<String> roles, String action) {
        if (!isSupervisor(roles)) {
            throw new ForbiddenActionException("only a SUPERVISOR or ADMIN may " + action + " a visit");
        }
    }

    private static void requireStatus(VisitRow row, String action, VisitStatus... allowed) {
        for (VisitStatus s : allowed) {
            if (s.name().equals(row.status())) {
                return;
            }
        }
        throw new ConflictException("visit '" + row.id() + "' is " + row.status() + "; only a "
                + String.join(" or ", java.util.Arrays.stream(allowed).map(Enum::name).toList())
                + " visit can be " + switch (action) {
                    case "approve" -> "approved";
                    case "reject" -> "rejected";
                    default -> "cancelled";
                });
    }

    private void checkVisitor(String visitorId, java.util.function.Function<String, RuntimeException> error) {
        PersonRow visitor = people.findById(visitorId)
                .orElseThrow(() -> error.apply("visitorId '" + visitorId + "' does not exist"));
        if (!PersonKind.VISITOR.name().equals(visitor.kind())) {
            throw error.apply("visitorId '" + visitorId + "' is a " + visitor.kind() + ", not a VISITOR");
        }
        if (PersonStatus.TERMINATED.name().equals(visitor.status())) {
            throw error.apply("visitor '" + visitorId + "' is TERMINATED");
        }
    }

    private void checkHost(String hostId, java.util.function.Function<String, RuntimeException> error) {
        PersonRow host = people.findById(hostId)
                .orElseThrow(() -> error.apply("hostId '" + hostId + "' does not exist"));
        if (PersonKind.VISITOR.name().equals(host.kind())) {
            throw error.apply("hostId '" + hostId + "' is a VISITOR; a host must be an employee or contractor");
        }
        if (!PersonStatus.ACTIVE.name().equals(host.status())) {
            throw error.apply("host '" + hostId + "' is " + host.status() + "; a host must be ACTIVE");
        }
    }

    private Set<String> validAreas(List<String> given) {
        Input.require(given != null && !given.isEmpty(), "areaIds must name at least one area");
        Input.require(given.size() <= MAX_AREAS, "at most " + MAX_AREAS + " areaIds");
        Set<String> ids = new LinkedHashSet<>();
        String site = null;
        for (int i = 0; i < given.size(); i++) {
            String areaId = Input.id("areaIds[" + i + "]", given.get(i));
            AreaRow area = areas.findById(areaId)
                    .orElseThrow(() -> new InvalidInputException("area '" + areaId + "' does not exist"));
            if (site != null && !site.equals(area.siteId())) {
                throw new InvalidInputException("areaIds must all belong to one site ('" + areaId + "' is in site '"
                        + area.siteId() + "', not '" + site + "')");
            }
            site = area.siteId();
            ids.add(areaId);
        }
        return ids;
    }

    static String reason(String value) {
        Input.require(value != null && !value.isBlank(), "reason is required");
        String trimmed = value.strip();
        Input.require(trimmed.length() <= 500, "reason must be at most 500 characters");
        for (int i = 0; i < trimmed.length(); i++) {
            Input.require(!Character.isISOControl(trimmed.charAt(i)), "reason must not contain control characters");
        }
        return trimmed;
    }

    private VisitRow row(String id) {
        return visits.findById(id).orElseThrow(() -> new NotFoundException("visit", id));
    }

    private VisitDto view(VisitRow row) {
        return VisitDto.of(row, visitAreas.findByVisitIdOrderByAreaId(row.id()).stream()
                .map(VisitAreaRow::areaId).toList());
    }

    private String newId() {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return "v-" + HexFormat.of().formatHex(bytes);
    }
}
