package com.coachway.changemgmt.cases;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A change case as the API shows it. */
public record ChangeCase(UUID id, String reference, UUID charterId, String charterReference, UUID clientId, String type,
                         String description, JsonNode requestedChanges, String status, BigDecimal currentTotal, BigDecimal newTotal,
                         BigDecimal priceDelta, String promoCode, Boolean promoCodeApplied, String promoCodeNote, boolean requiresManager, String requestedBy, String reviewedBy, String decidedBy,
                         OffsetDateTime decidedAt, String decisionComment, OffsetDateTime implementedAt, String implementationError,
                         OffsetDateTime createdAt, OffsetDateTime updatedAt, int version) {

    public CaseStatus state() {
        return CaseStatus.fromCode(status);
    }

    public CaseType kind() {
        return CaseType.fromCode(type).orElseThrow();
    }
}
