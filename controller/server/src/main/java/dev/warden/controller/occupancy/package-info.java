/**
 * Who is inside. {@link dev.warden.controller.occupancy.Occupancy} owns the controller's one
 * {@link dev.warden.policy.AccessEngine} (the stateful rules: anti-passback, escort, two-person) behind one lock,
 * forwards its signals to the alarms, and hands every presence change to the
 * {@link dev.warden.controller.occupancy.PresenceJournal}, which stores them off the decision path (table
 * {@code presence}) so that presence survives a restart. Gate passages reach the engine through
 * {@link dev.warden.controller.occupancy.PassageListener}. REST: {@code /api/v1/occupancy}, {@code /api/v1/muster}
 * (JSON or CSV) and {@code /api/v1/people/{id}/passback/forgive}. See docs/occupancy.md.
 */
package dev.warden.controller.occupancy;
