/**
 * Access levels (a set of doors usable during a schedule) and assignments (a person holds a level for a
 * validity window), with the {@code /api/v1/access-levels} and {@code /api/v1/assignments} endpoints; and
 * {@link dev.warden.controller.access.OperatorActions}, which records operators' security actions (lockdowns, threat
 * levels, visit decisions, security attributes, area and door rules, PINs set or cleared) as OPERATOR events, in the
 * transaction of the action.
 */
package dev.warden.controller.access;
