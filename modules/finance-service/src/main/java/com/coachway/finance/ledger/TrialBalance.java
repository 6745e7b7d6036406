package com.coachway.finance.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Per account Σ debits, Σ credits and the balance on its normal side, as of a date; debits = credits, always. */
public record TrialBalance(LocalDate asOf, List<Row> accounts, Totals totals, boolean balanced) {
    public record Row(String code, String name, String normalSide, BigDecimal debit, BigDecimal credit, BigDecimal balance) {
    }

    public record Totals(BigDecimal debit, BigDecimal credit) {
    }

    static TrialBalance of(LocalDate asOf, List<LedgerStore.Totals> totals) {
        var rows = totals.stream().map(t -> new Row(t.code(), t.name(), t.normalSide(), t.debit(), t.credit(),
                "debit".equals(t.normalSide()) ? t.debit().subtract(t.credit()) : t.credit().subtract(t.debit()))).toList();
        BigDecimal d = rows.stream().map(Row::debit).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal c = rows.stream().map(Row::credit).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new TrialBalance(asOf, rows, new Totals(d, c), d.compareTo(c) == 0);
    }
}
