package com.coachway.payment.payments;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A payment as the API shows it, with what of it is refunded and still refundable. */
public record Payment(UUID id, UUID charterId, UUID clientId, BigDecimal amount, String currency, String method,
                      String status, String reference, OffsetDateTime receivedAt, String stripePaymentIntentId,
                      String failureMessage, BigDecimal refunded, BigDecimal refundable, String createdBy,
                      OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime succeededAt) {
}
