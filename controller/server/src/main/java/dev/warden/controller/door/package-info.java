/**
 * Portals (doors and gates): configuration (area, readers in/out, lock and contact devices, serving agent,
 * unlock time, second factor, free-access schedule, threat marking), their live state as reported by agents, the
 * {@code /api/v1/doors} endpoints, and the {@link dev.warden.controller.door.FreeAccessScheduler} that unlocks
 * free-access doors while their schedule is open.
 */
package dev.warden.controller.door;
