/**
 * Schedules (windows of local time per weekday, in the time zone of the schedule's site; windows for the site's
 * public holidays; dated exceptions) and the {@code /api/v1/schedules} endpoints. Windows are stored as minutes of
 * the day; an end of 24:00 is the end of the day (the policy's {@code LocalTime.MIDNIGHT}).
 */
package dev.warden.controller.schedule;
