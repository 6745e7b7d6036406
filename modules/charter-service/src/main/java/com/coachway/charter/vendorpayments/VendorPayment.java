package com.coachway.charter.vendorpayments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What a charter owes a vendor, and how far its release has come. */
public record VendorPayment(UUID id, UUID charterId, UUID vendorId, BigDecimal amount, LocalDate dueDate, String notes,
                            String status, OffsetDateTime approvedAt, String approvedBy, OffsetDateTime paidAt,
                            String paidBy, int version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
