/**
 * Access levels (a set of doors usable during a schedule) and assignments (a person holds a level for a
 * validity window), with the {@code /api/v1/access-levels} and {@code /api/v1/assignments} endpoints.
 */
package dev.warden.controller.access;
