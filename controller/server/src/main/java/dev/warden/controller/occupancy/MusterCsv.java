package dev.warden.controller.occupancy;

import java.util.List;

/**
 * The muster list as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or
 * line break). Free text (names) that a spreadsheet would run as a formula (starting with {@code = + - @}, tab or
 * CR) is prefixed with an apostrophe.
 */
final class MusterCsv {
    static final String HEADER = "person_id,person_name,person_kind,area_id,area_name,last_door_id,last_door_name,"
            + "since,escort_id";

    private MusterCsv() {}

    static String of(List<OccupantDto> people) {
        StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
        for (OccupantDto p : people) {
            sb.append(field(p.personId())).append(',')
                    .append(text(p.personName())).append(',')
                    .append(field(p.personKind())).append(',')
                    .append(field(p.areaId())).append(',')
                    .append(text(p.areaName())).append(',')
                    .append(field(p.doorId())).append(',')
                    .append(text(p.doorName())).append(',')
                    .append(p.since() == null ? "" : p.since().toString()).append(',')
                    .append(field(p.escortId())).append("\r\n");
        }
        return sb.toString();
    }

    private static String text(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return field("'" + value);
        }
        return field(value);
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
