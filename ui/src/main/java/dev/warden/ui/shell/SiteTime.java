package dev.warden.ui.shell;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/** Shows instants in the site's time zone: {@code HH:mm:ss} in dense grids, date and time where it is needed. */
public record SiteTime(ZoneId zone) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String NONE = "—";

    public SiteTime {
        Objects.requireNonNull(zone, "zone");
    }

    /** {@code HH:mm:ss} in the site's zone, or a dash for no time. */
    public String time(Instant instant) {
        return instant == null ? NONE : TIME.format(instant.atZone(zone));
    }

    /** {@code yyyy-MM-dd HH:mm:ss} in the site's zone, or a dash for no time. */
    public String dateTime(Instant instant) {
        return instant == null ? NONE : DATE_TIME.format(instant.atZone(zone));
    }
}
