package com.coachway.finance.statements;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A customer statement (the contract's Statement): what was owed before, what moved, what is owed after. */
public record Statement(UUID clientId, String clientName, LocalDate from, LocalDate to, BigDecimal openingBalance, List<Line> lines,
                        BigDecimal closingBalance) {
    /** amount: + owed (invoice, refund), − paid or credited; balance: running, after this line. */
    public record Line(LocalDate date, String kind, String reference, String description, BigDecimal amount, BigDecimal balance) {
    }
}
