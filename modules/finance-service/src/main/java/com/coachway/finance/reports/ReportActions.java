package com.coachway.finance.reports;

import org.jooq.DSLContext;

import java.time.LocalDate;

/** The reports: each is one read-only snapshot of the books, computed in SQL. */
public final class ReportActions {
    private final DSLContext dsl;
    private final ReportStore store;

    public ReportActions(DSLContext dsl, ReportStore store) {
        this.dsl = dsl;
        this.store = store;
    }

    public Aging arAging(LocalDate asOf) {
        return dsl.transactionResult(c -> {
            store.snapshot(c.dsl());
            return store.arAging(c.dsl(), asOf);
        });
    }

    public Aging apAging(LocalDate asOf) {
        return dsl.transactionResult(c -> {
            store.snapshot(c.dsl());
            return store.apAging(c.dsl(), asOf);
        });
    }

    public Profitability profitability(LocalDate from, LocalDate to) {
        return store.profitability(dsl, from, to);
    }
}
