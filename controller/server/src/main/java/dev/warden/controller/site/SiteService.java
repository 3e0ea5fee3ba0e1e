package dev.warden.controller.site;

import dev.warden.controller.api.ConflictException;
import dev.warden.controller.api.Input;
import dev.warden.controller.api.InvalidInputException;
import dev.warden.controller.api.NotFoundException;
import dev.warden.controller.decision.AccessIndex;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Sites and areas: validation, tree rules, persistence. Every write refreshes the access index after commit. */
@Singleton
public class SiteService {
    private final SiteRepository sites;
    private final AreaRepository areas;
    private final AccessIndex index;

    public SiteService(SiteRepository sites, AreaRepository areas, AccessIndex index) {
        this.sites = sites;
        this.areas = areas;
        this.index = index;
    }

    @ReadOnly
    public List<SiteDto> listSites() {
        return sites.findAllOrderById().stream().map(SiteDto::of).toList();
    }

    @ReadOnly
    public SiteDto site(String id) {
        return sites.findById(id).map(SiteDto::of).orElseThrow(() -> new NotFoundException("site", id));
    }

    @Transactional
    public SiteDto createSite(SiteDto body) {
        Input.bodyPresent(body);
        SiteRow row = validSite(Input.id("id", body.id()), body);
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
        if (!sites.existsById(id)) {
            throw new NotFoundException("site", id);
        }
        SiteRow row = validSite(id, body);
        sites.update(row);
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
        sites.deleteById(id);
        index.rebuildAfterCommit();
    }

    @ReadOnly
    public List<AreaDto> listAreas(String siteId) {
        List<AreaRow> rows = siteId == null ? areas.findAllOrderById() : areas.findBySiteIdOrderById(siteId);
        return rows.stream().map(AreaDto::of).toList();
    }

    @ReadOnly
    public AreaDto area(String id) {
        return areas.findById(id).map(AreaDto::of).orElseThrow(() -> new NotFoundException("area", id));
    }

    @Transactional
    public AreaDto createArea(AreaDto body) {
        Input.bodyPresent(body);
        AreaRow row = validArea(Input.id("id", body.id()), body);
        if (areas.existsById(row.id())) {
            throw new ConflictException("area '" + row.id() + "' already exists");
        }
        areas.save(row);
        index.rebuildAfterCommit();
        return AreaDto.of(row);
    }

    @Transactional
    public AreaDto updateArea(String id, AreaDto body) {
        Input.bodyPresent(body);
        Input.sameId(id, body.id());
        AreaRow existing = areas.findById(id).orElseThrow(() -> new NotFoundException("area", id));
        AreaRow row = validArea(id, body);
        if (!existing.siteId().equals(row.siteId()) && areas.existsByParentId(id)) {
            throw new ConflictException("area '" + id + "' has child areas; it cannot move to another site");
        }
        areas.update(row);
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
        areas.deleteById(id);
        index.rebuildAfterCommit();
    }

    private static SiteRow validSite(String id, SiteDto body) {
        String name = Input.name("name", body.name());
        String zone = Input.zone("timeZone", body.timeZone()).getId();
        return new SiteRow(id, name, zone);
    }

    private AreaRow validArea(String id, AreaDto body) {
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
        return new AreaRow(id, siteId, parentId, name, kind.name());
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
