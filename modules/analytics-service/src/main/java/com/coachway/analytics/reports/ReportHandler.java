package com.coachway.analytics.reports;

import com.coachway.common.http.Query;
import io.javalin.http.Context;

/** The reports over HTTP: read the range, call one report, write JSON or CSV. */
public final class ReportHandler {
    private final ReportActions reports;

    public ReportHandler(ReportActions reports) {
        this.reports = reports;
    }

    public void revenue(Context ctx) {
        var q = Query.of(ctx);
        DateRange range = DateRange.read(q);
        GroupBy groupBy = GroupBy.read(q);
        boolean csv = wantsCsv(q);
        q.validate();
        Revenue report = reports.revenue(range, groupBy);
        if (csv) csv(ctx, ReportCsv.revenue(report), "revenue-" + groupBy.code() + "-" + range.from() + "-" + range.to() + ".csv");
        else ctx.json(report);
    }

    public void charterMetrics(Context ctx) {
        var q = Query.of(ctx);
        DateRange range = DateRange.read(q);
        boolean csv = wantsCsv(q);
        q.validate();
        CharterMetrics report = reports.charterMetrics(range);
        if (csv) csv(ctx, ReportCsv.charterMetrics(report), "charter-metrics-" + range.from() + "-" + range.to() + ".csv");
        else ctx.json(report);
    }

    public void vendorPerformance(Context ctx) {
        var q = Query.of(ctx);
        DateRange range = DateRange.read(q);
        boolean csv = wantsCsv(q);
        q.validate();
        VendorPerformance report = reports.vendorPerformance(range);
        if (csv) csv(ctx, ReportCsv.vendorPerformance(report), "vendor-performance-" + range.from() + "-" + range.to() + ".csv");
        else ctx.json(report);
    }

    public void dashboard(Context ctx) {
        var q = Query.of(ctx);
        boolean csv = wantsCsv(q);
        q.validate();
        Dashboard report = reports.dashboard();
        if (csv) csv(ctx, ReportCsv.dashboard(report), "dashboard-" + report.date() + ".csv");
        else ctx.json(report);
    }

    /** The contract allows json and csv only; anything else was refused before this runs. */
    private static boolean wantsCsv(Query q) {
        return "csv".equals(q.string("format"));
    }

    private static void csv(Context ctx, String body, String filename) {
        ctx.contentType("text/csv").header("Content-Disposition", "attachment; filename=\"" + filename + "\"").result(body);
    }
}
