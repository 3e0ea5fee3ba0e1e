package dev.warden.controller.occupancy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * The answer to a passback forgiveness.
 *
 * @param personId    the person forgiven
 * @param forgivenAt  when
 * @param operator    who forgave (from the token)
 * @param reason      the operator's reason
 * @param previousArea the area the controller believed the person was in, or null when it believed them outside
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ForgiveResult(String personId, Instant forgivenAt, String operator, String reason, String previousArea) {}
