package dev.warden.controller.occupancy;

import dev.warden.controller.access.OperatorActions;
import dev.warden.controller.api.Input;
import dev.warden.controller.api.NotFoundException;
import dev.warden.controller.decision.AccessIndex;
import dev.warden.controller.decision.IndexView;
import dev.warden.controller.person.PersonRepository;
import dev.warden.controller.site.AreaRepository;
import dev.warden.controller.site.AreaRow;
import dev.warden.controller.site.SiteRepository;
import dev.warden.controller.site.SiteRow;
import dev.warden.policy.PersonId;
import dev.warden.policy.Presence;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Occupancy and muster lists from the engine's presence (never from storage, which may lag it by a batch), named
 * from the current access index, with the area tree read from the database; and passback forgiveness, recorded as an
 * OPERATOR event.
 */
@Singleton
public class OccupancyService {
    /** The {@code reason} of the OPERATOR event a forgiveness is stored as. */
    public static final String PASSBACK_FORGIVEN = "PASSBACK_FORGIVEN";

    private final Occupancy occupancy;
    private final AccessIndex index;
    private final AreaRepository areas;
    private final SiteRepository sites;
    private final PersonRepository people;
    private final OperatorActions actions;
    private final Clock clock;

    public OccupancyService(Occupancy occupancy, AccessIndex index, AreaRepository areas, SiteRepository sites,
                            PersonRepository people, OperatorActions actions, Clock clock) {
        this.occupancy = occupancy;
        this.index = index;
        this.areas = areas;
        this.sites = sites;
        this.people = people;
        this.actions = actions;
        this.clock = clock;
    }

    /** Who is inside {@code areaId} or an area below it; everyone inside any area when {@code areaId} is null. */
    public OccupancyDto inArea(String areaId) {
        Instant at = clock.instant();
        Map<String, AreaRow> tree = areaTree();
        List<Presence> all = occupancy.presences();
        if (areaId == null) {
            return new OccupancyDto(null, null, at, all.size(), occupants(all, tree));
        }
        AreaRow area = tree.get(areaId);
        if (area == null) {
            throw new NotFoundException("area", areaId);
        }
        Set<String> within = below(areaId, tree);
        List<Presence> inside = all.stream().filter(p -> within.contains(p.area().value())).toList();
        return new OccupancyDto(areaId, area.name(), at, inside.size(), occupants(inside, tree));
    }

    /** Everyone inside any area of the site, ordered by area then person. */
    public MusterDto muster(String siteId) {
        Instant at = clock.instant();
        SiteRow site = sites.findById(siteId).orElseThrow(() -> new NotFoundException("site", siteId));
        Map<String, AreaRow> tree = areaTree();
        List<Presence> inside = occupancy.presences().stream()
                .filter(p -> {
                    AreaRow a = tree.get(p.area().value());
                    return a != null && siteId.equals(a.siteId());
                })
                .sorted(Comparator.comparing((Presence p) -> p.area().value()).thenComparing(p -> p.person().value()))
                .toList();
        return new MusterDto(site.id(), site.name(), at, inside.size(), occupants(inside, tree));
    }

    /**
     * Forgets the person's passback state: the engine no longer believes them inside or outside, so their next read
     * in either direction is not denied for passback. Stored as an OPERATOR event naming the operator and reason.
     */
    public ForgiveResult forgive(String personId, ForgiveRequest body, String operator) {
        Input.id("id", personId);
        Input.bodyPresent(body);
        String reason = Input.name("reason", body.reason());
        if (!people.existsById(personId)) {
            throw new NotFoundException("person", personId);
        }
        PersonId person = new PersonId(personId);
        String previous = occupancy.presences().stream().filter(p -> p.person().equals(person))
                .map(p -> p.area().value()).findFirst().orElse(null);
        Instant at = clock.instant();
        // the record first: a forgiveness that could not be recorded must not happen
        actions.record(operator, PASSBACK_FORGIVEN, null, personId, "passback state of person " + personId
                + " forgiven (" + (previous == null ? "not believed inside any area" : "was believed inside area "
                + previous) + ")", reason);
        occupancy.forgive(person, at);
        return new ForgiveResult(personId, at, operator, reason, previous);
    }

    private Map<String, AreaRow> areaTree() {
        Map<String, AreaRow> tree = new HashMap<>();
        for (AreaRow a : areas.findAllOrderById()) {
            tree.put(a.id(), a);
        }
        return tree;
    }

    /** The area and every area below it. */
    static Set<String> below(String root, Map<String, AreaRow> tree) {
        Map<String, List<String>> children = new HashMap<>();
        for (AreaRow a : tree.values()) {
            if (a.parentId() != null) {
                children.computeIfAbsent(a.parentId(), k -> new java.util.ArrayList<>()).add(a.id());
            }
        }
        Set<String> result = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (result.add(id)) {
                todo.addAll(children.getOrDefault(id, List.of()));
            }
        }
        return result;
    }

    private List<OccupantDto> occupants(List<Presence> presences, Map<String, AreaRow> tree) {
        IndexView view = index.current();
        return presences.stream().map(p -> {
            String personId = p.person().value();
            String areaId = p.area().value();
            String doorId = p.door() == null ? null : p.door().value();
            AreaRow area = tree.get(areaId);
            return new OccupantDto(personId, view.personNames().get(personId),
                    view.snapshot().person(p.person()).map(x -> x.kind().name()).orElse(null),
                    areaId, area == null ? null : area.name(), area == null ? null : area.siteId(), p.since(),
                    doorId, doorId == null ? null : view.doorNames().get(doorId),
                    p.escort() == null ? null : p.escort().value());
        }).toList();
    }
}
