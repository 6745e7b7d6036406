package com.coachway.finance.invoices;

import com.coachway.common.auth.Caller;
import com.coachway.common.auth.ClientScope;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.IdempotencyKeys;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import io.javalin.http.Context;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Invoices and credit memos over HTTP: read the request, call one use case, write the answer. */
public final class InvoiceHandler {
    private final InvoiceActions invoices;
    private final CreditMemoActions memos;

    public InvoiceHandler(InvoiceActions invoices, CreditMemoActions memos) {
        this.invoices = invoices;
        this.memos = memos;
    }

    private static ClientScope scope(Context ctx) {
        return ClientScope.of(ServiceApp.caller(ctx));
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        var filter = new InvoiceStore.Filter(q.uuid("client_id"), q.uuid("charter_id"), q.string("status"), q.date("from"), q.date("to"));
        var page = q.page();
        q.validate();
        ctx.json(invoices.list(scope(ctx), filter, page));
    }

    public void get(Context ctx) {
        ctx.json(invoices.get(scope(ctx), Ids.pathId(ctx, "id", "Invoice")));
    }

    public void fromCharter(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID charterId = Ids.pathId(ctx, "charter_id", "Charter");
        boolean issue = false;
        LocalDate issueDate = null;
        if (ctx.bodyAsBytes().length > 0) {
            var in = JsonInput.of(ctx);
            Boolean b = in.optionalBool("issue");
            issue = Boolean.TRUE.equals(b);
            issueDate = in.optionalDate("issue_date");
            in.validate();
            if (issueDate != null && !issue) throw ApiException.validation(List.of(new FieldError("issue_date", "is only given with issue: true")));
        }
        String key = IdempotencyKeys.read(ctx);
        var made = invoices.fromCharter(caller, charterId, issue, issueDate, key,
                IdempotencyKeys.fingerprint(charterId, issue, issueDate));
        ctx.status(201).header("Location", "/invoices/" + made.id()).json(made);
    }

    public void issue(Context ctx) {
        UUID id = Ids.pathId(ctx, "id", "Invoice");
        LocalDate date = null;
        if (ctx.bodyAsBytes().length > 0) {
            var in = JsonInput.of(ctx);
            date = in.optionalDate("issue_date");
            in.validate();
        }
        ctx.json(invoices.issue(ServiceApp.caller(ctx), id, date));
    }

    public void voidIt(Context ctx) {
        UUID id = Ids.pathId(ctx, "id", "Invoice");
        var in = JsonInput.of(ctx);
        String reason = in.requiredString("reason");
        in.validate();
        ctx.json(invoices.voidIt(ServiceApp.caller(ctx), id, reason));
    }

    public void applications(Context ctx) {
        ctx.json(Map.of("items", invoices.applications(scope(ctx), Ids.pathId(ctx, "id", "Invoice"))));
    }

    public void creditMemos(Context ctx) {
        ctx.json(Map.of("items", invoices.creditMemos(scope(ctx), Ids.pathId(ctx, "id", "Invoice"))));
    }

    public void credit(Context ctx) {
        ctx.json(invoices.credit(scope(ctx), Ids.pathId(ctx, "id", "Client")));
    }

    public void createCreditMemo(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID id = Ids.pathId(ctx, "id", "Invoice");
        var in = JsonInput.of(ctx);
        String kind = in.requiredString("kind");
        BigDecimal amount = in.requiredDecimal("amount", 2);
        LocalDate memoDate = in.optionalDate("memo_date");
        String reason = in.requiredString("reason");
        String key = IdempotencyKeys.read(ctx);
        if (key == null) in.error("Idempotency-Key", "header is required for a credit memo");
        in.validate();
        var memo = memos.create(caller, id, kind, amount, memoDate, reason, key,
                IdempotencyKeys.fingerprint(id, kind, amount.stripTrailingZeros().toPlainString(), memoDate, reason));
        ctx.status(201).header("Location", "/invoices/" + id + "/credit-memos").json(memo);
    }
}
