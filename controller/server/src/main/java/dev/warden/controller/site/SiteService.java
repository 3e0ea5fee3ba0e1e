package dev.warden.controller.site;

import dev.warden.controller.access.OperatorActions;
import dev.warden.controller.api.ConflictException;
import dev.warden.controller.api.Input;
import dev.warden.controller.api.InvalidInputException;
import dev.warden.controller.api.NotFoundException;
import dev.warden.controller.decision.AccessIndex;
import dev.warden.policy.AntiPassback;
import dev.warden.policy.ThreatLevel;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sites and areas: validation, tree rules, the policy settings (threat level, lockdown, escort rule, anti-passback,
 * two-person rule), public holidays, persistence. Every write refreshes the access index after commit; supervisor
 * actions (lockdown, threat level) are recorded as operator events naming the operator and their reason, and so are
 * changes of an area's rules (restriction, anti-passback, two-person rule). An area with free-access doors cannot
 * take a rule that free access would void (restricted, two-person, anti-passback); an area cannot move under an area
 * that open visits name (it would widen them without approval).
 */
@Singleton
public class SiteService {
    private static final Logger LOG = LoggerFactory.getLogger(SiteService.class);
    static final int MIN_ESCORT_WINDOW_S = 1;
    static final int MAX_ESCORT_WINDOW_S = 600;
    static final int MAX_VISITORS_PER_ESCORT = 50;
    static final int MAX_REENTRY_S = 86_400;
    static final int MAX_TWO_PERSON_WINDOW_S = 600;
    static final int MAX_REASON = 500;

    private final SiteRepository sites;
    private final AreaRepository areas;
    private final HolidayRepository holidays;
    private final AccessIndex index;
    private final OperatorActions actions;
    private final Clock clock;

    public SiteService(SiteRepository sites, AreaRepository areas, HolidayRepository holidays, AccessIndex index,
                       OperatorActions actions, Clock clock) {
        this.clock = clock;
        this.sites = sites;
        this.areas = areas;
        this.holidays = holidays;
        this.index = index;
        this.actions = actions;
    }

    @ReadOnly
    public List<SiteDto> listSites() {
        return sites.findAllOrderById().stream().map(SiteDto::of).toList();
    }

    @ReadOnly
    public SiteDto site(String id) {
        return SiteDto.of(siteRow(id));
    }

    @Transactional
    public SiteDto createSite(SiteDto body) {
        Input.bodyPresent(body);
        SiteRow row = validSite(Input.id("id", body.id()), body, null);
        if (sites.existsById(row.id())) {
            throw new ConflictException("site '" + row.id() + "' already exists");
        }
        sites.save(row);
        index.rebuildAfterCommit();
        return SiteDto.of(row);
    }

    @Transactional
    public SiteDto updateSite(String id, SiteDto body) {
        Input.bodyPresent(body);
        Input.sameId(id, body.id());
        SiteRow before = siteRow(id);
        SiteRow row = validSite(id, body, before);
        sites.update(row);
        if (before.escortWindowS() != row.escortWindowS() || before.maxVisitorsPerEscort() != row.maxVisitorsPerEscort()) {
            LOG.info("Site {} escort rule: window {} s -> {} s, visitors per escort {} -> {}", id,
                    before.escortWindowS(), row.escortWindowS(), before.maxVisitorsPerEscort(),
                    row.maxVisitorsPerEscort());
        }
        index.rebuildAfterCommit();
        return SiteDto.of(row);
    }

    @Transactional
    public void deleteSite(String id) {
        if (!sites.existsById(id)) {
            throw new NotFoundException("site", id);
        }
        if (areas.existsBySiteId(id)) {
            throw new ConflictException("site '" + id + "' still has areas; delete them first");
        }
        if (sites.countSchedules(id) > 0) {
            throw new ConflictException("site '" + id + "' still has schedules; delete them first");
        }
        holidays.deleteAll(holidays.findBySiteIdOrderByOnDate(id));
        sites.deleteById(id);
        index.rebuildAfterCommit();
    }

    /** Changes the site's threat level (SUPERVISOR or ADMIN); recorded with the operator and the reason. */
    @Transactional
    public SiteDto setThreatLevel(String id, ThreatLevelInput body, String operator) {
        Input.bodyPresent(body);
        ThreatLevel level = Input.oneOf("level", body.level(), ThreatLevel.class);
        String reason = reason(body.reason());
        SiteRow before = siteRow(id);
        if (before.threatLevel().equals(level.name())) {
            return SiteDto.of(before);
        }
        SiteRow row = before.withThreatLevel(level.name());
        sites.update(row);
        actions.record(operator, "THREAT_LEVEL", null, null,
                "threat level of site " + id + " " + before.threatLevel() + " -> " + level.name(), reason);
        index.rebuildAfterCommit();
        return SiteDto.of(row);
    }

    /** Sets or lifts the site-wide lockdown (SUPERVISOR or ADMIN); a change is recorded, a repeat changes nothing. */
    @Transactional
    public SiteDto setSiteLockdown(String id, boolean locked, ReasonInput body, String operator) {
        String reason = reason(body == null ? null : body.reason());
        SiteRow before = siteRow(id);
        if (before.lockedDown() == locked) {
            return SiteDto.of(before);
        }
        SiteRow row = before.withLockedDown(locked);
        sites.update(row);
        actions.record(operator, locked ? "LOCKDOWN_SET" : "LOCKDOWN_LIFTED", null, null,
                (locked ? "lockdown set on site " : "lockdown lifted on site ") + id, reason);
        index.rebuildAfterCommit();
        return SiteDto.of(row);
    }

    // --- holidays ------------------------------------------------------------------------------------

    @ReadOnly
    public List<HolidayDto> listHolidays(String siteId) {
        siteRow(siteId);
        return holidays.findBySiteIdOrderByOnDate(siteId).stream().map(HolidayDto::of).toList();
    }

    @Transactional
    public HolidayDto addHoliday(String siteId, HolidayDto body) {
        Input.bodyPresent(body);
        siteRow(siteId);
        LocalDate date = date("date", body.date());
        String name = Input.name("name", body.name());
        if (holidays.findBySiteIdAndOnDate(siteId, date).isPresent()) {
            throw new ConflictException("site '" + siteId + "' already has a holiday on " + date);
        }
        HolidayRow saved = holidays.save(new HolidayRow(null, siteId, date, name));
        index.rebuildAfterCommit();
        return HolidayDto.of(saved);
    }

    @Transactional
    public void deleteHoliday(String siteId, String dateText) {
        siteRow(siteId);
        LocalDate date = date("date", dateText);
        HolidayRow row = holidays.findBySiteIdAndOnDate(siteId, date)
                .orElseThrow(() -> new NotFoundException("holiday of site " + siteId + " on", date.toString()));
        holidays.delete(row);
        index.rebuildAfterCommit();
    }

    // --- areas ---------------------------------------------------------------------------------------

    @ReadOnly
    public List<AreaDto> listAreas(String siteId) {
        List<AreaRow> rows = siteId == null ? areas.findAllOrderById() : areas.findBySiteIdOrderById(siteId);
        return rows.stream().map(AreaDto::of).toList();
    }

    @ReadOnly
    public AreaDto area(String id) {
        return AreaDto.of(areaRow(id));
    }

    @Transactional
    public AreaDto createArea(AreaDto body, String operator) {
        Input.bodyPresent(body);
        AreaRow row = validArea(Input.id("id", body.id()), body, null);
        if (areas.existsById(row.id())) {
            throw new ConflictException("area '" + row.id() + "' already exists");
        }
        areas.save(row);
        AreaRow plain = new AreaRow(row.id(), row.siteId(), row.parentId(), row.name(), row.kind());
        if (!plain.sameRules(row)) {
            actions.record(operator, "AREA_RULES", null, null, "area " + row.id() + " created with rules: "
                    + row.rules(), null);
        }
        index.rebuildAfterCommit();
        return AreaDto.of(row);
    }

    @Transactional
    public AreaDto updateArea(String id, AreaDto body, String operator) {
        Input.bodyPresent(body);
        Input.sameId(id, body.id());
        AreaRow existing = areaRow(id);
        AreaRow row = validArea(id, body, existing);
        if (!existing.siteId().equals(row.siteId()) && areas.existsByParentId(id)) {
            throw new ConflictException("area '" + id + "' has child areas; it cannot move to another site");
        }
        String blocker = row.freeAccessBlocker();
        if (blocker != null && areas.countFreeAccessDoors(id) > 0) {
            throw new ConflictException("area '" + id + "' has free-access doors; an area that " + blocker
                    + " cannot have any (remove their free access first)");
        }
        if (!java.util.Objects.equals(existing.parentId(), row.parentId()) && row.parentId() != null) {
            refuseWideningVisits(id, existing.parentId(), row.parentId());
        }
        areas.update(row);
        if (!existing.sameRules(row)) {
            actions.record(operator, "AREA_RULES", null, null, "rules of area " + id + ": " + existing.rules()
                    + " -> " + row.rules(), null);
        }
        index.rebuildAfterCommit();
        return AreaDto.of(row);
    }

    @Transactional
    public void deleteArea(String id) {
        if (!areas.existsById(id)) {
            throw new NotFoundException("area", id);
        }
        if (areas.existsByParentId(id)) {
            throw new ConflictException("area '" + id + "' still has child areas; delete or move them first");
        }
        if (areas.countDoors(id) > 0) {
            throw new ConflictException("area '" + id + "' still has doors; delete or move them first");
        }
        if (areas.countVisits(id) > 0) {
            throw new ConflictException("area '" + id + "' is named by visits");
        }
        areas.deleteById(id);
        index.rebuildAfterCommit();
    }

    /**
     * An area moving under {@code newParent} becomes covered by every open visit (REQUESTED or APPROVED, not over)
     * that names {@code newParent} or an area above it, without anyone approving that: refused (409) while such a
     * visit exists for an area it was not already nested in. Cancel those visits (or let them end), move the area,
     * then request new ones.
     */
    private void refuseWideningVisits(String id, String oldParent, String newParent) {
        Set<String> before = ancestors(oldParent);
        Instant now = clock.instant();
        for (String ancestor : ancestors(newParent)) {
            if (!before.contains(ancestor) && areas.countOpenVisits(ancestor, now) > 0) {
                throw new ConflictException("area '" + id + "' cannot move under '" + newParent + "': open visits "
                        + "name area '" + ancestor + "' and would then cover '" + id + "' without approval; cancel "
                        + "them or let them end first");
            }
        }
    }

    /** {@code start} and every area above it (empty for null). */
    private Set<String> ancestors(String start) {
        Set<String> out = new java.util.LinkedHashSet<>();
        String cursor = start;
        while (cursor != null && out.add(cursor)) {
            cursor = areas.findById(cursor).map(AreaRow::parentId).orElse(null);
        }
        return out;
    }

    /** Sets or lifts an area's lockdown (SUPERVISOR or ADMIN); a change is recorded, a repeat changes nothing. */
    @Transactional
    public AreaDto setAreaLockdown(String id, boolean locked, ReasonInput body, String operator) {
        String reason = reason(body == null ? null : body.reason());
        AreaRow before = areaRow(id);
        if (before.lockedDown() == locked) {
            return AreaDto.of(before);
        }
        AreaRow row = before.withLockedDown(locked);
        areas.update(row);
        actions.record(operator, locked ? "LOCKDOWN_SET" : "LOCKDOWN_LIFTED", null, null,
                (locked ? "lockdown set on area " : "lockdown lifted on area ") + id, reason);
        index.rebuildAfterCommit();
        return AreaDto.of(row);
    }

    private SiteRow siteRow(String id) {
        return sites.findById(id).orElseThrow(() -> new NotFoundException("site", id));
    }

    private AreaRow areaRow(String id) {
        return areas.findById(id).orElseThrow(() -> new NotFoundException("area", id));
    }

    /** {@code before}: the stored row on update (omitted settings keep its values), null on create. */
    private static SiteRow validSite(String id, SiteDto body, SiteRow before) {
        String name = Input.name("name", body.name());
        String zone = Input.zone("timeZone", body.timeZone()).getId();
        int window = body.escortWindowSeconds() != null ? body.escortWindowSeconds()
                : before != null ? before.escortWindowS() : SiteRow.DEFAULT_ESCORT_WINDOW_S;
        int max = body.maxVisitorsPerEscort() != null ? body.maxVisitorsPerEscort()
                : before != null ? before.maxVisitorsPerEscort() : SiteRow.DEFAULT_MAX_VISITORS_PER_ESCORT;
        Input.require(window >= MIN_ESCORT_WINDOW_S && window <= MAX_ESCORT_WINDOW_S,
                "escortWindowSeconds must be between " + MIN_ESCORT_WINDOW_S + " and " + MAX_ESCORT_WINDOW_S);
        Input.require(max >= 1 && max <= MAX_VISITORS_PER_ESCORT,
                "maxVisitorsPerEscort must be between 1 and " + MAX_VISITORS_PER_ESCORT);
        String threat = before == null ? ThreatLevel.NORMAL.name() : before.threatLevel();
        boolean locked = before != null && before.lockedDown();
        return new SiteRow(id, name, zone, threat, locked, window, max);
    }

    private AreaRow validArea(String id, AreaDto body, AreaRow before) {
        String siteId = Input.id("siteId", body.siteId());
        String parentId = Input.optionalId("parentId", body.parentId());
        String name = Input.name("name", body.name());
        AreaKind kind = Input.oneOf("kind", body.kind(), AreaKind.class);
        if (!sites.existsById(siteId)) {
            throw new InvalidInputException("siteId '" + siteId + "' does not exist");
        }
        if (parentId != null) {
            checkParent(id, siteId, parentId);
        }
        boolean restricted = body.restricted() != null ? body.restricted() : before != null && before.restricted();
        AntiPassback passback = body.antiPassback() != null && !body.antiPassback().isBlank()
                ? Input.oneOf("antiPassback", body.antiPassback(), AntiPassback.class)
                : before != null ? AntiPassback.valueOf(before.antiPassback()) : AntiPassback.NONE;
        Integer reentry = null;
        if (passback == AntiPassback.TIMED) {
            reentry = body.passbackReentrySeconds() != null ? body.passbackReentrySeconds()
                    : before != null ? before.passbackReentryS() : null;
            Input.require(reentry != null, "passbackReentrySeconds is required for TIMED anti-passback");
            Input.require(reentry >= 1 && reentry <= MAX_REENTRY_S,
                    "passbackReentrySeconds must be between 1 and " + MAX_REENTRY_S);
        } else {
            Input.require(body.passbackReentrySeconds() == null,
                    "passbackReentrySeconds is only for TIMED anti-passback");
        }
        Integer twoPerson;
        if (body.twoPersonWindowSeconds() == null) {
            twoPerson = before == null ? null : before.twoPersonWindowS();
        } else if (body.twoPersonWindowSeconds() == 0) {
            twoPerson = null;
        } else {
            twoPerson = body.twoPersonWindowSeconds();
            Input.require(twoPerson >= 1 && twoPerson <= MAX_TWO_PERSON_WINDOW_S,
                    "twoPersonWindowSeconds must be between 1 and " + MAX_TWO_PERSON_WINDOW_S + " (0 removes the rule)");
        }
        boolean locked = before != null && before.lockedDown();
        return new AreaRow(id, siteId, parentId, name, kind.name(), restricted, locked, passback.name(), reentry,
                twoPerson);
    }

    /** A supervisor's reason: required, one line of at most {@value #MAX_REASON} characters. */
    static String reason(String value) {
        Input.require(value != null && !value.isBlank(), "reason is required");
        String trimmed = value.strip();
        Input.require(trimmed.length() <= MAX_REASON, "reason must be at most " + MAX_REASON + " characters");
        for (int i = 0; i < trimmed.length(); i++) {
            Input.require(!Character.isISOControl(trimmed.charAt(i)), "reason must not contain control characters");
        }
        return trimmed;
    }

    static LocalDate date(String field, String value) {
        Input.require(value != null && !value.isBlank(), field + " is required (yyyy-MM-dd)");
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field + " must be a date yyyy-MM-dd such as 2026-12-25");
        }
    }

    /** The parent exists, lies in the same site, and is neither the area itself nor one of its descendants. */
    private void checkParent(String id, String siteId, String parentId) {
        Set<String> seen = new HashSet<>();
        String cursor = parentId;
        while (cursor != null) {
            if (cursor.equals(id)) {
                throw new InvalidInputException(
                        "parentId '" + parentId + "' would make area '" + id + "' its own ancestor");
            }
            if (!seen.add(cursor)) {
                break;
            }
            final String current = cursor;
            AreaRow parent = areas.findById(current).orElseThrow(() -> new InvalidInputException(
                    "parentId '" + current + "' does not exist"));
            if (current.equals(parentId) && !parent.siteId().equals(siteId)) {
                throw new InvalidInputException(
                        "parent area '" + parentId + "' belongs to site '" + parent.siteId() + "', not '" + siteId + "'");
            }
            cursor = parent.parentId();
        }
    }
}
