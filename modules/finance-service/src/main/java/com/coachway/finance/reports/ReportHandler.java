package com.coachway.finance.reports;

import com.coachway.common.http.Query;
import io.javalin.http.Context;

import java.time.LocalDate;

/** The reports over HTTP: read the dates, call one report, write JSON or CSV. */
public final class ReportHandler {
    private final ReportActions reports;

    public ReportHandler(ReportActions reports) {
        this.reports = reports;
    }

    public void arAging(Context ctx) {
        var q = Query.of(ctx);
        LocalDate asOf = ReportDates.required(q, "as_of");
        boolean csv = "csv".equals(q.string("format"));
        q.validate();
        Aging aging = reports.arAging(asOf);
        if (csv) csv(ctx, AgingCsv.of(aging, "client"), "ar-aging-" + asOf + ".csv");
        else ctx.json(aging.receivable());
    }

    public void apAging(Context ctx) {
        var q = Query.of(ctx);
        LocalDate asOf = ReportDates.required(q, "as_of");
        boolean csv = "csv".equals(q.string("format"));
        q.validate();
        Aging aging = reports.apAging(asOf);
        if (csv) csv(ctx, AgingCsv.of(aging, "vendor"), "ap-aging-" + asOf + ".csv");
        else ctx.json(aging.payable());
    }

    public void charterProfitability(Context ctx) {
        var q = Query.of(ctx);
        LocalDate from = ReportDates.required(q, "from");
        LocalDate to = ReportDates.required(q, "to");
        q.validate();
        ReportDates.requireOrdered(from, to);
        ctx.json(reports.profitability(from, to));
    }

    private static void csv(Context ctx, String body, String filename) {
        ctx.contentType("text/csv").header("Content-Disposition", "attachment; filename=\"" + filename + "\"").result(body);
    }
}
