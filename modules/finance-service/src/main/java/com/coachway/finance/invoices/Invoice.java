package com.coachway.finance.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An invoice as the API shows it. {@code balance} is what is still open: total − credited − paid (0 once void). */
public record Invoice(UUID id, String number, UUID charterId, String charterReference, UUID clientId, String clientName,
                      String status, LocalDate issueDate, LocalDate dueDate, int paymentTermsDays, String currency,
                      List<Line> lines, BigDecimal total, BigDecimal credited, BigDecimal paid, BigDecimal balance,
                      boolean recognised, LocalDate recognisedOn, LocalDate voidedOn, LocalDate settledOn,
                      OffsetDateTime createdAt, OffsetDateTime updatedAt, int version) {
    public static final String DRAFT = "draft";
    public static final String ISSUED = "issued";
    public static final String PARTIALLY_PAID = "partially_paid";
    public static final String PAID = "paid";
    public static final String VOID = "void";

    public record Line(String code, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {
    }

    /** Issued, partially paid or paid: on the books. */
    public boolean posted() {
        return !DRAFT.equals(status) && !VOID.equals(status);
    }

    /** Issued or partially paid: money can still be applied to it. */
    public boolean open() {
        return ISSUED.equals(status) || PARTIALLY_PAID.equals(status);
    }
}
