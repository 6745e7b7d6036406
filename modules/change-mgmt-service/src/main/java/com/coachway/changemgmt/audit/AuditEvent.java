package com.coachway.changemgmt.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One event of the audit trail: the body a producer posts, its id (the producer's event id) and when it arrived. */
public record AuditEvent(UUID id, String service, String action, String entityType, String entityId, String actor,
                         OffsetDateTime occurredAt, String from, String to, JsonNode details, OffsetDateTime receivedAt) {
}
