/**
 * Portals (doors and gates): configuration (area, readers in/out, lock and contact devices, serving agent,
 * unlock time), their live state as reported by agents, and the {@code /api/v1/doors} endpoints.
 */
package dev.warden.controller.door;
