package com.coachway.finance.bills;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Money paid on a bill. {@code source} names what made it when no user did: {@code vendor_payment:<id>:paid}. */
public record BillPayment(UUID id, UUID billId, UUID vendorId, BigDecimal amount, LocalDate paidOn, String method, String reference,
                          String source, UUID entryId, String createdBy, OffsetDateTime createdAt) {
}
