package com.coachway.payment.payments;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

public record Refund(UUID id, UUID paymentId, BigDecimal amount, String reason, String status, String source,
                     String stripeRefundId, String failureMessage, String createdBy, OffsetDateTime createdAt,
                     OffsetDateTime updatedAt) {
}
