package com.coachway.finance.reports;

import com.coachway.common.db.SqlText;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The reports' queries. They are hand-written SQL (sql/finance/*.sql) run through jOOQ's plain
 * SQL templating: each aggregates in the database and answers a few rows, never the invoices.
 */
public final class ReportStore {
    private static final String ACCOUNTS_RECEIVABLE = "1100";
    private static final String ACCOUNTS_PAYABLE = "2000";

    private final String arAging = SqlText.load("finance", "ar_aging.sql");
    private final String apAging = SqlText.load("finance", "ap_aging.sql");
    private final String controlBalance = SqlText.load("finance", "control_balance.sql");
    private final String profitability = SqlText.load("finance", "charter_profitability.sql");

    /**
     * Makes the transaction one read-only snapshot, so an aging and its control account are of
     * the same moment even while postings commit.
     */
    public void snapshot(DSLContext tx) {
        tx.execute("set transaction isolation level repeatable read, read only");
        // The driver prepares a statement run 5 times on a connection, and PostgreSQL may then keep
        // one generic plan for every as_of; the best plan differs between a recent and a past date.
        tx.execute("set local plan_cache_mode = force_custom_plan");
    }

    public Aging arAging(DSLContext ctx, LocalDate asOf) {
        return aging(ctx.resultQuery(arAging, DSL.val(asOf)).fetch(), asOf, "client_id", "client_name",
                arControlBalance(ctx, asOf));
    }

    public Aging apAging(DSLContext ctx, LocalDate asOf) {
        return aging(ctx.resultQuery(apAging, DSL.val(asOf)).fetch(), asOf, "vendor_id", "vendor_name",
                balance(ctx, ACCOUNTS_PAYABLE, asOf).negate());
    }

    private BigDecimal arControlBalance(DSLContext ctx, LocalDate asOf) {
        return balance(ctx, ACCOUNTS_RECEIVABLE, asOf);
    }

    /** Σ debits − Σ credits: the balance of a debit-normal account, negated for a credit-normal one. */
    private BigDecimal balance(DSLContext ctx, String account, LocalDate asOf) {
        return money(ctx.resultQuery(controlBalance, DSL.val(account), DSL.val(asOf)).fetchOne(), "balance");
    }

    public Profitability profitability(DSLContext ctx, LocalDate from, LocalDate to) {
        Result<Record> rows = ctx.resultQuery(profitability, DSL.val(from), DSL.val(to)).fetch();
        // the query answers the charters, then exactly one total row
        List<Profitability.Charter> charters = rows.stream().filter(r -> !r.get("is_total", Boolean.class))
                .map(r -> new Profitability.Charter(r.get("charter_id", UUID.class), r.get("charter_reference", String.class),
                        r.get("client_id", UUID.class), money(r, "revenue"), money(r, "vendor_cost"), money(r, "processing_fees"),
                        money(r, "margin")))
                .toList();
        Record t = rows.getLast();
        return new Profitability(from, to, charters, new Profitability.Totals(money(t, "revenue"), money(t, "vendor_cost"),
                money(t, "processing_fees"), money(t, "margin")));
    }

    private static Aging aging(Result<Record> rows, LocalDate asOf, String idColumn, String nameColumn, BigDecimal control) {
        List<Aging.Party> parties = rows.stream().filter(r -> !r.get("is_total", Boolean.class))
                .map(r -> new Aging.Party(r.get(idColumn, UUID.class), r.get(nameColumn, String.class), buckets(r)))
                .toList();
        return new Aging(asOf, parties, buckets(rows.getLast()), control);
    }

    private static Buckets buckets(Record r) {
        return new Buckets(money(r, "current"), money(r, "d1_30"), money(r, "d31_60"), money(r, "d61_90"), money(r, "over_90"),
                money(r, "total"));
    }

    private static BigDecimal money(Record r, String column) {
        return r.get(column, BigDecimal.class).setScale(2);
    }
}
