package com.coachway.finance.bills;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A vendor bill as the API shows it: what the company owes a vendor ({@code amount}), what it has
 * paid on it, and what is still open ({@code balance}). {@code number} is the vendor's own invoice
 * number; {@code vendorPaymentId} the charter-service vendor payment it was made from.
 */
public record Bill(UUID id, String number, UUID vendorId, String vendorName, UUID charterId, UUID vendorPaymentId, String status,
                   LocalDate billDate, LocalDate dueDate, String currency, BigDecimal amount, BigDecimal paid, BigDecimal balance,
                   LocalDate settledOn, String memo, UUID entryId, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                   int version) {
    public static final String OPEN = "open";
    public static final String PARTIALLY_PAID = "partially_paid";
    public static final String PAID = "paid";
}
