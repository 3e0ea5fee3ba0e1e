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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Schedules with their weekly windows, holiday windows and dated exceptions: validation and persistence (each list
 * is replaced as a whole on update; omitted holiday windows or exceptions stay as they are).
 */
@Singleton
public class ScheduleService {
    static final int MAX_WINDOWS = 100;
    static final int MAX_EXCEPTIONS = 366;

    private final ScheduleRepository schedules;
    private final ScheduleWindowRepository windows;
    private final ScheduleHolidayWindowRepository holidayWindows;
    private final ScheduleExceptionRepository exceptions;
    private final SiteRepository sites;
    private final AccessIndex index;

    public ScheduleService(ScheduleRepository schedules, ScheduleWindowRepository windows,
                           ScheduleHolidayWindowRepository holidayWindows, ScheduleExceptionRepository exceptions,
                           SiteRepository sites, AccessIndex index) {
        this.schedules = schedules;
        this.windows = windows;
        this.holidayWindows = holidayWindows;
        this.exceptions = exceptions;
        this.sites = sites;
        this.index = index;
    }

    @ReadOnly
    public List<ScheduleDto> list() {
        Map<String, String> zones = new HashMap<>();
        sites.findAll().forEach(s -> zones.put(s.id(), s.timeZone()));
        return schedules.findAllOrderById().stream().map(s -> view(s, zones.get(s.siteId()))).toList();
    }

    @ReadOnly
    public ScheduleDto get(String id) {
        ScheduleRow s = schedules.findById(id).orElseThrow(() -> new NotFoundException("schedule", id));
        return view(s, sites.findById(s.siteId()).map(SiteRow::timeZone).orElse(null));
    }

    @Transactional
    public ScheduleDto create(ScheduleDto body) {
        Input.bodyPresent(body);
        String id = Input.id("id", body.id());
        ScheduleRow row = valid(id, body);
        List<ScheduleWindowRow> rows = windowRows(id, body);
        List<ScheduleHolidayWindowRow> holidayRows = holidayRows(id, body.holidayWindows());
        List<ScheduleExceptionRow> exceptionRows = exceptionRows(id, body.exceptions());
        if (schedules.existsById(id)) {
            throw new ConflictException("schedule '" + id + "' already exists");
        }
        schedules.save(row);
        windows.saveAll(rows);
        holidayWindows.saveAll(holidayRows);
        exceptions.saveAll(exceptionRows);
        index.rebuildAfterCommit();
        return get(id);
    }

    @Transactional
    public ScheduleDto update(String id, ScheduleDto body) {
        Input.bodyPresent(body);
        Input.sameId(id, body.id());
        ScheduleRow before = schedules.findById(id).orElseThrow(() -> new NotFoundException("schedule", id));
        ScheduleRow row = valid(id, body);
        if (!before.siteId().equals(row.siteId()) && schedules.countFreeAccessDoors(id) > 0) {
            throw new ConflictException("schedule '" + id + "' gives doors free access; it cannot move to another site");
        }
        List<ScheduleWindowRow> rows = windowRows(id, body);
        schedules.update(row);
        windows.deleteByScheduleId(id);
        windows.saveAll(rows);
        if (body.holidayWindows() != null) {
            List<ScheduleHolidayWindowRow> holidayRows = holidayRows(id, body.holidayWindows());
            holidayWindows.deleteByScheduleId(id);
            holidayWindows.saveAll(holidayRows);
        }
        if (body.exceptions() != null) {
            List<ScheduleExceptionRow> exceptionRows = exceptionRows(id, body.exceptions());
            exceptions.deleteByScheduleId(id);
            exceptions.saveAll(exceptionRows);
        }
        index.rebuildAfterCommit();
        return get(id);
    }

    @Transactional
    public void delete(String id) {
        if (!schedules.existsById(id)) {
            throw new NotFoundException("schedule", id);
        }
        if (schedules.countLevelsUsing(id) > 0) {
            throw new ConflictException("schedule '" + id + "' is used by access levels; change them first");
        }
        if (schedules.countFreeAccessDoors(id) > 0) {
            throw new ConflictException("schedule '" + id + "' gives doors free access; change them first");
        }
        windows.deleteByScheduleId(id);
        holidayWindows.deleteByScheduleId(id);
        exceptions.deleteByScheduleId(id);
        schedules.deleteById(id);
        index.rebuildAfterCommit();
    }

    private ScheduleDto view(ScheduleRow s, String zone) {
        List<WindowDto> weekly = windows.findByScheduleIdOrderByDayOfWeekAndStartMinute(s.id()).stream()
                .map(Windows::toDto)
                .toList();
        List<DayWindowDto> holiday = holidayWindows.findByScheduleIdOrderByStartMinute(s.id()).stream()
                .map(w -> Windows.toDayDto(w.startMinute(), w.endMinute()))
                .toList();
        Map<LocalDate, List<DayWindowDto>> byDate = new LinkedHashMap<>();
        for (ScheduleExceptionRow e : exceptions.findByScheduleIdOrderByOnDateAndStartMinute(s.id())) {
            List<DayWindowDto> list = byDate.computeIfAbsent(e.onDate(), d -> new ArrayList<>());
            if (!e.closedAllDay()) {
                list.add(Windows.toDayDto(e.startMinute(), e.endMinute()));
            }
        }
        List<ExceptionDto> dated = byDate.entrySet().stream()
                .map(en -> new ExceptionDto(en.getKey().toString(), List.copyOf(en.getValue())))
                .toList();
        return new ScheduleDto(s.id(), s.name(), s.siteId(), zone, weekly, holiday, dated);
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

    private static List<ScheduleHolidayWindowRow> holidayRows(String id, List<DayWindowDto> given) {
        if (given == null) {
            return List.of();
        }
        Input.require(given.size() <= MAX_WINDOWS, "at most " + MAX_WINDOWS + " holidayWindows");
        List<ScheduleHolidayWindowRow> rows = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            int[] span = Windows.dayWindow("holidayWindows[" + i + "]", given.get(i));
            rows.add(new ScheduleHolidayWindowRow(null, id, span[0], span[1]));
        }
        return rows;
    }

    private static List<ScheduleExceptionRow> exceptionRows(String id, List<ExceptionDto> given) {
        if (given == null) {
            return List.of();
        }
        Input.require(given.size() <= MAX_EXCEPTIONS, "at most " + MAX_EXCEPTIONS + " exceptions");
        List<ScheduleExceptionRow> rows = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String where = "exceptions[" + i + "]";
            ExceptionDto e = given.get(i);
            if (e == null) {
                throw new InvalidInputException(where + " must not be null");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(e.date() == null ? "" : e.date().strip());
            } catch (DateTimeParseException ex) {
                throw new InvalidInputException(where + ".date must be a date yyyy-MM-dd such as 2026-12-24");
            }
            Input.require(seen.add(date), where + ".date " + date + " appears twice; put all its windows in one exception");
            List<DayWindowDto> ws = e.windows() == null ? List.of() : e.windows();
            Input.require(ws.size() <= MAX_WINDOWS, where + ": at most " + MAX_WINDOWS + " windows");
            if (ws.isEmpty()) {
                rows.add(new ScheduleExceptionRow(null, id, date, null, null));
            }
            for (int j = 0; j < ws.size(); j++) {
                int[] span = Windows.dayWindow(where + ".windows[" + j + "]", ws.get(j));
                rows.add(new ScheduleExceptionRow(null, id, date, span[0], span[1]));
            }
        }
        return rows;
    }
}
