/**
 * Portals (doors and gates): configuration (area, readers in/out, lock and contact devices, serving agent,
 * unlock time, second factor, free-access schedule, threat marking), their live state as reported by agents, the
 * {@code /api/v1/doors} endpoints, and the {@link dev.warden.controller.door.FreeAccessScheduler} that unlocks
 * free-access doors while their schedule is open (and never during a lockdown or a raised threat level at a
 * threat-marked door), with the {@link dev.warden.controller.door.FreeAccessLedger} of unlocks not yet taken back,
 * kept across restarts.
 */
package dev.warden.controller.door;
