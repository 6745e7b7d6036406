package com.coachway.charter.quotes;

import com.coachway.charter.charters.CurrentQuotes;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A priced version of a charter, as the API shows it; status is the effective one (expired once past valid_until). */
public record Quote(UUID id, UUID charterId, int version, String status, List<Line> lines, BigDecimal subtotal,
                    BigDecimal discount, BigDecimal fuelSurcharge, BigDecimal tax, BigDecimal total, String currency,
                    String promoCode, BigDecimal billableHours, Integer days, JsonNode dot, OffsetDateTime validUntil,
                    OffsetDateTime sentAt, String sentTo, OffsetDateTime acceptedAt, OffsetDateTime rejectedAt,
                    String rejectReason, OffsetDateTime createdAt) implements CurrentQuotes.View {

    public record Line(String code, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
    }
}
