package com.coachway.common.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One entry of the platform audit trail, in the shape change-mgmt-service's
 * {@code POST /audit-events} takes (snake_case): who ({@code actor}) did what ({@code action}) to
 * which record ({@code entity_type}, {@code entity_id}), when, and the state before and after.
 * {@code details} is free and left out when null.
 */
public record AuditEvent(String service, String action, String entityType, String entityId, String actor,
                         OffsetDateTime occurredAt, String from, String to,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> details) {
}
