package com.coachway.payment.schedules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A charter's payment schedule as the API shows it: paid is net of refunds. */
public record Schedule(UUID id, UUID charterId, UUID clientId, UUID quoteId, BigDecimal total, String currency,
                       OffsetDateTime pickupAt, LocalDate bookedOn, BigDecimal paid, BigDecimal outstanding,
                       List<Installment> installments, OffsetDateTime createdAt) {

    public record Installment(UUID id, int sequence, String kind, BigDecimal amount, LocalDate dueDate, BigDecimal paid,
                              BigDecimal outstanding, String status) {
    }
}
