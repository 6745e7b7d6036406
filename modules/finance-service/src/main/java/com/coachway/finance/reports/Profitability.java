package com.coachway.finance.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Margin per charter whose revenue was recognised in [from, to], with totals (CharterProfitability). */
public record Profitability(LocalDate from, LocalDate to, List<Charter> charters, Totals totals) {
    public record Charter(UUID charterId, String charterReference, UUID clientId, BigDecimal revenue, BigDecimal vendorCost,
                          BigDecimal processingFees, BigDecimal margin) {
    }

    public record Totals(BigDecimal revenue, BigDecimal vendorCost, BigDecimal processingFees, BigDecimal margin) {
    }
}
