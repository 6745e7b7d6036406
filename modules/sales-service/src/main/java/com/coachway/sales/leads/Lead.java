package com.coachway.sales.leads;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A lead as the API shows it. */
public record Lead(UUID id, String reference, String name, String company, String email, String phone, String source,
                   String tripDescription, Integer estimatedPassengers, LocalDate estimatedDate, BigDecimal estimatedValue,
                   String status, String lostReason, UUID assignedTo, UUID convertedClientId, UUID convertedCharterId,
                   OffsetDateTime convertedAt, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt, int version) {

    public boolean converted() {
        return convertedAt != null;
    }
}
