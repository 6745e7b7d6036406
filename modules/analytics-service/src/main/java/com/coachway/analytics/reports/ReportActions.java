package com.coachway.analytics.reports;

import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The reports: each is one read-only snapshot of the sources, computed in SQL. */
public final class ReportActions {
    /** The dashboard's look ahead: the days after today. */
    static final int NEXT_DAYS = 7;

    private final DSLContext dsl;
    private final ReportStore store;
    private final ZoneId zone;
    private final Clock clock;

    public ReportActions(DSLContext dsl, ReportStore store, ZoneId zone, Clock clock) {
        this.dsl = dsl;
        this.store = store;
        this.zone = zone;
        this.clock = clock;
    }

    public Revenue revenue(DateRange range, GroupBy groupBy) {
        return dsl.transactionResult(c -> {
            store.snapshot(c.dsl());
            return store.revenue(c.dsl(), range, groupBy, zone);
        });
    }

    public CharterMetrics charterMetrics(DateRange range) {
        return dsl.transactionResult(c -> {
            store.snapshot(c.dsl());
            return store.charterMetrics(c.dsl(), range, zone);
        });
    }

    public VendorPerformance vendorPerformance(DateRange range) {
        return dsl.transactionResult(c -> {
            store.snapshot(c.dsl());
            return store.vendorPerformance(c.dsl(), range, zone);
        });
    }

    public Dashboard dashboard() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        return dsl.transactionResult(c -> {
            store.snapshot(c.dsl());
            return store.dashboard(c.dsl(), now, today, zone, NEXT_DAYS);
        });
    }
}
