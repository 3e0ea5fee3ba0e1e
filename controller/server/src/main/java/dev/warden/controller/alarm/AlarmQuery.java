package dev.warden.controller.alarm;

import java.util.Set;

/**
 * Filters of an alarm search; null = any.
 *
 * @param states      states to include (ACTIVE, ACKNOWLEDGED, CLEARED)
 * @param hiddenTypes types the caller may not see (DURESS for everyone but supervisors and admins)
 */
record AlarmQuery(Set<String> states, Integer priority, String type, String doorId, String areaId,
                  Set<String> hiddenTypes, int page, int size) {}
