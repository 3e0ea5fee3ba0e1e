package dev.warden.controller.schedule;

import dev.warden.controller.api.ConflictException;
import dev.warden.controller.api.Input;
import dev.warden.controller.api.InvalidInputException;
import dev.warden.controller.api.NotFoundException;
import dev.warden.controller.decision.AccessIndex;
import dev.warden.controller.site.SiteRepository;
import dev.warden.controller.site.SiteRow;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Schedules and their windows: validation and persistence (windows are replaced as a whole on update). */
@Singleton
public class ScheduleService {
    static final int MAX_WINDOWS = 100;

    private final ScheduleRepository schedules;
    private final ScheduleWindowRepository windows;
    private final SiteRepository sites;
    private final AccessIndex index;

    public ScheduleService(ScheduleRepository schedules, ScheduleWindowRepository windows, SiteRepository sites,
                           AccessIndex index) {
        this.schedules = schedules;
        this.windows = windows;
        this.sites = sites;
        this.index = index;
    }

    @ReadOnly
    public List<ScheduleDto> list() {
        Map<String, List<WindowDto>> bySchedule = new HashMap<>();
        for (ScheduleWindowRow w : windows.findAllOrderByScheduleIdAndDayOfWeekAndStartMinute()) {
            bySchedule.computeIfAbsent(w.scheduleId(), k -> new ArrayList<>()).add(Windows.toDto(w));
        }
        Map<String, String> zones = new HashMap<>();
        sites.findAll().forEach(s -> zones.put(s.id(), s.timeZone()));
        return schedules.findAllOrderById().stream()
                .map(s -> new ScheduleDto(s.id(), s.name(), s.siteId(), zones.get(s.siteId()),
                        bySchedule.getOrDefault(s.id(), List.of())))
                .toList();
    }

    @ReadOnly
    public ScheduleDto get(String id) {
        ScheduleRow s = schedules.findById(id).orElseThrow(() -> new NotFoundException("schedule", id));
        return view(s);
    }

    @Transactional
    public ScheduleDto create(ScheduleDto body) {
        Input.bodyPresent(body);
        String id = Input.id("id", body.id());
        ScheduleRow row = valid(id, body);
        List<ScheduleWindowRow> rows = windowRows(id, body);
        if (schedules.existsById(id)) {
            throw new ConflictException("schedule '" + id + "' already exists");
        }
        schedules.save(row);
        windows.saveAll(rows);
        index.rebuildAfterCommit();
        return view(row);
    }

    @Transactional
    public ScheduleDto update(String id, ScheduleDto body) {
        Input.bodyPresent(body);
        Input.sameId(id, body.id());
        if (!schedules.existsById(id)) {
            throw new NotFoundException("schedule", id);
        }
        ScheduleRow row = valid(id, body);
        List<ScheduleWindowRow> rows = windowRows(id, body);
        schedules.update(row);
        windows.deleteByScheduleId(id);
        windows.saveAll(rows);
        index.rebuildAfterCommit();
        return view(row);
    }

    @Transactional
    public void delete(String id) {
        if (!schedules.existsById(id)) {
            throw new NotFoundException("schedule", id);
        }
        if (schedules.countLevelsUsing(id) > 0) {
            throw new ConflictException("schedule '" + id + "' is used by access levels; change them first");
        }
        windows.deleteByScheduleId(id);
        schedules.deleteById(id);
        index.rebuildAfterCommit();
    }

    private ScheduleDto view(ScheduleRow s) {
        String zone = sites.findById(s.siteId()).map(SiteRow::timeZone).orElse(null);
        List<WindowDto> list = windows.findByScheduleIdOrderByDayOfWeekAndStartMinute(s.id()).stream()
                .map(Windows::toDto)
                .toList();
        return new ScheduleDto(s.id(), s.name(), s.siteId(), zone, list);
    }

    private ScheduleRow valid(String id, ScheduleDto body) {
        String name = Input.name("name", body.name());
        String siteId = Input.id("siteId", body.siteId());
        if (!sites.existsById(siteId)) {
            throw new InvalidInputException("siteId '" + siteId + "' does not exist");
        }
        return new ScheduleRow(id, name, siteId);
    }

    private static List<ScheduleWindowRow> windowRows(String id, ScheduleDto body) {
        List<WindowDto> given = body.windows() == null ? List.of() : body.windows();
        Input.require(given.size() <= MAX_WINDOWS, "at most " + MAX_WINDOWS + " windows");
        List<ScheduleWindowRow> rows = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            rows.add(Windows.toRow(id, i, given.get(i)));
        }
        return rows;
    }
}
