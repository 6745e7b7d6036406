package com.coachway.finance.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A posted journal entry as the API shows it. */
public record Entry(UUID id, LocalDate entryDate, String sourceType, String sourceId, String memo, UUID reverses,
                    UUID reversedBy, OffsetDateTime createdAt, String createdBy, BigDecimal total, List<Line> lines) {
    public record Line(String account, String accountCode, BigDecimal debit, BigDecimal credit, UUID clientId, UUID vendorId,
                       UUID charterId, UUID invoiceId, UUID billId) {
    }

    public static final String MANUAL = "manual";
    public static final String REVERSAL = "reversal";
}
