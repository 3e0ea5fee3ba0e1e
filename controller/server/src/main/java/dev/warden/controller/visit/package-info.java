/**
 * Visits: a visitor (a VISITOR person) hosted by an active non-visitor, allowed into a set of areas (and the areas
 * below them) during a time window; requested by an operator, approved only by a SUPERVISOR or ADMIN who is not
 * the requester (segregation of duties), or rejected, or cancelled. Only an APPROVED visit whose window covers the
 * moment lets the visitor's badge work (the policy's rule 6), and then only with an escort. The
 * {@code /api/v1/visits} endpoints; every decision is recorded as an operator event.
 */
package dev.warden.controller.visit;
