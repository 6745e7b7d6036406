package com.coachway.finance.statements;

import com.coachway.common.http.Ids;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import com.coachway.finance.reports.ReportDates;
import io.javalin.http.Context;

import java.time.LocalDate;

/** A customer statement over HTTP, JSON or PDF. */
public final class StatementHandler {
    private final StatementActions statements;

    public StatementHandler(StatementActions statements) {
        this.statements = statements;
    }

    public void statement(Context ctx) {
        var clientId = Ids.pathId(ctx, "id", "Client");
        var q = Query.of(ctx);
        LocalDate from = ReportDates.required(q, "from");
        LocalDate to = ReportDates.required(q, "to");
        boolean pdf = "pdf".equals(q.string("format"));
        q.validate();
        ReportDates.requireOrdered(from, to);
        Statement s = statements.statement(ServiceApp.caller(ctx), clientId, from, to);
        if (!pdf) {
            ctx.json(s);
            return;
        }
        ctx.contentType("application/pdf")
                .header("Content-Disposition", "inline; filename=\"statement-" + clientId + "-" + from + "-" + to + ".pdf\"")
                .result(statements.pdf(s));
    }
}
