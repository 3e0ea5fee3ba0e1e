package dev.warden.controller.visit;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST /api/v1/visits}.
 *
 * @param id        optional: the controller assigns {@code v-<12 hex digits>} when omitted
 * @param visitorId a VISITOR person
 * @param hostId    an ACTIVE person who is not a visitor
 * @param areaIds   1..50 areas of one site
 * @param purpose   optional free text (at most 200 characters)
 */
@Serdeable
public record VisitRequest(String id, String visitorId, String hostId, Instant validFrom, Instant validUntil,
                           List<String> areaIds, String purpose) {}
