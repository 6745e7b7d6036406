package com.coachway.analytics.reports;

import com.coachway.common.db.SqlText;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The reports' queries: hand-written SQL (sql/analytics/*.sql on the classpath, where the
 * benchmark runs the very same text in psql) over the analytics views, run through jOOQ's plain
 * SQL templating. Each aggregates in the database and answers a few rows.
 */
public final class ReportStore {
    private final String revenue = SqlText.load("analytics", "revenue.sql");
    private final String charterMetrics = SqlText.load("analytics", "charter_metrics.sql");
    private final String vendorPerformance = SqlText.load("analytics", "vendor_performance.sql");
    private final String dashboard = SqlText.load("analytics", "dashboard.sql");
    private final String nextDaysSql = SqlText.load("analytics", "next_days.sql");

    /**
     * Makes the transaction one read-only snapshot, so the figures of a report are of one moment
     * even while the sources commit, and nothing a report runs can write.
     */
    public void snapshot(DSLContext tx) {
        tx.execute("set transaction isolation level repeatable read, read only");
        // The driver prepares a statement run 5 times on a connection, and PostgreSQL may then keep
        // one generic plan for every range and grouping; a day's plan is not a two years' plan.
        tx.execute("set local plan_cache_mode = force_custom_plan");
    }

    public Revenue revenue(DSLContext ctx, DateRange range, GroupBy groupBy, ZoneId zone) {
        Result<Record> rows = ctx.resultQuery(revenue, at(range.start(zone)), at(range.end(zone)), DSL.val(zone.getId()),
                DSL.val(groupBy.code())).fetch();
        // the query answers the groups, then exactly one total row
        List<Revenue.Row> groups = rows.stream().filter(r -> !r.get("is_total", Boolean.class))
                .map(r -> new Revenue.Row(r.get("key", String.class), r.get("label", String.class), count(r, "bookings"),
                        money(r, "booked_revenue"), money(r, "collected")))
                .toList();
        Record t = rows.getLast();
        return new Revenue(range.from(), range.to(), groupBy.code(), groups,
                new Revenue.Totals(count(t, "bookings"), money(t, "booked_revenue"), money(t, "collected")));
    }

    public CharterMetrics charterMetrics(DSLContext ctx, DateRange range, ZoneId zone) {
        Record r = ctx.resultQuery(charterMetrics, at(range.start(zone)), at(range.end(zone)), DSL.val(zone.getId())).fetchOne();
        var byStatus = new CharterMetrics.StatusCounts(count(r, "inquiry"), count(r, "quoted"), count(r, "booked"),
                count(r, "confirmed"), count(r, "in_progress"), count(r, "completed"), count(r, "cancelled"));
        long trips = byStatus.booked() + byStatus.confirmed() + byStatus.inProgress() + byStatus.completed();
        long quoted = count(r, "quoted_charters");
        long converted = count(r, "converted_charters");
        return new CharterMetrics(range.from(), range.to(), byStatus, trips, count(r, "inquiries"), count(r, "quotes_sent"),
                quoted, converted, Percent.of(converted, quoted), count(r, "bookings"), money(r, "booked_revenue"),
                decimal(r, "average_lead_time_days"), count(r, "cancellations"), money(r, "cancelled_value"));
    }

    public VendorPerformance vendorPerformance(DSLContext ctx, DateRange range, ZoneId zone) {
        List<VendorPerformance.Vendor> vendors = ctx.resultQuery(vendorPerformance, at(range.start(zone)), at(range.end(zone)))
                .fetch().stream()
                .map(r -> new VendorPerformance.Vendor(count(r, "rank"), r.get("vendor_id", UUID.class), r.get("vendor_name", String.class),
                        count(r, "trips"), count(r, "completed_trips"), count(r, "vendor_cancellations"), count(r, "ratings"),
                        decimal(r, "average_score"), decimal(r, "on_time_pct"), count(r, "bids"), count(r, "bids_won"),
                        decimal(r, "win_pct"), money(r, "awarded_value")))
                .toList();
        return new VendorPerformance(range.from(), range.to(), vendors);
    }

    public Dashboard dashboard(DSLContext ctx, Instant now, LocalDate today, ZoneId zone, int nextDays) {
        Instant todayStart = today.atStartOfDay(zone).toInstant();
        Instant tomorrowStart = today.plusDays(1).atStartOfDay(zone).toInstant();
        Instant monthStart = today.withDayOfMonth(1).atStartOfDay(zone).toInstant();
        Record r = ctx.resultQuery(dashboard, at(now), at(todayStart), at(tomorrowStart), at(monthStart), DSL.val(today)).fetchOne();
        List<Dashboard.DayTrips> days = ctx.resultQuery(nextDaysSql, DSL.val(today.plusDays(1)), DSL.val(zone.getId()), DSL.val(nextDays))
                .fetch().stream()
                .map(d -> new Dashboard.DayTrips(d.get("date", LocalDate.class), count(d, "trips")))
                .toList();
        return new Dashboard(now, today, count(r, "today_trips"), count(r, "in_progress"), money(r, "month_to_date_revenue"),
                count(r, "month_to_date_bookings"), money(r, "month_to_date_collected"), money(r, "open_quote_value"),
                count(r, "open_quotes"), money(r, "outstanding_receivables"), days);
    }

    private static org.jooq.Param<OffsetDateTime> at(Instant instant) {
        return DSL.val(instant.atOffset(ZoneOffset.UTC));
    }

    private static long count(Record r, String column) {
        return r.get(column, Long.class);
    }

    private static BigDecimal money(Record r, String column) {
        return r.get(column, BigDecimal.class).setScale(2);
    }

    /** A figure with 2 decimals that may be null (an average or a percentage of nothing). */
    private static BigDecimal decimal(Record r, String column) {
        BigDecimal v = r.get(column, BigDecimal.class);
        return v == null ? null : v.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
