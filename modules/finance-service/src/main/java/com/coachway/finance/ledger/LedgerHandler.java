package com.coachway.finance.ledger;

import com.coachway.common.auth.Caller;
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
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The ledger and periods over HTTP: read the request, call one use case, write the answer. */
public final class LedgerHandler {
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private final LedgerActions ledger;
    private final PeriodActions periods;

    public LedgerHandler(LedgerActions ledger, PeriodActions periods) {
        this.ledger = ledger;
        this.periods = periods;
    }

    public void accounts(Context ctx) {
        ctx.json(Map.of("items", ledger.accounts()));
    }

    public void trialBalance(Context ctx) {
        var q = Query.of(ctx);
        LocalDate asOf = q.date("as_of");
        q.validate();
        ctx.json(ledger.trialBalance(asOf));
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        String account = q.string("account");
        LocalDate from = q.date("from");
        LocalDate to = q.date("to");
        String sourceType = q.string("source_type");
        var page = q.page();
        q.validate();
        String code = null;
        if (account != null) {
            code = Account.find(account).map(Account::code).orElseThrow(() -> ApiException.validation(
                    List.of(new FieldError("account", "is not an account code or name"))));
        }
        ctx.json(ledger.list(new LedgerStore.Filter(code, from, to, sourceType), page));
    }

    public void get(Context ctx) {
        ctx.json(ledger.get(Ids.pathId(ctx, "id", "Journal entry")));
    }

    public void post(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        var in = JsonInput.of(ctx);
        LocalDate date = in.requiredDate("entry_date");
        String memo = in.requiredString("memo");
        var items = in.requiredObjectList("lines");
        String key = IdempotencyKeys.read(ctx);
        var lines = new ArrayList<LedgerActions.ManualLine>();
        var prints = new ArrayList<Object>(List.of(String.valueOf(date), String.valueOf(memo)));
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                JsonInput l = items.get(i);
                String name = l.requiredString("account");
                BigDecimal debit = l.optionalDecimal("debit", 2);
                BigDecimal credit = l.optionalDecimal("credit", 2);
                var line = new LedgerActions.ManualLine("lines[" + i + "]",
                        name == null ? null : Account.find(name).orElse(null), debit, credit,
                        l.optionalUuid("client_id"), l.optionalUuid("vendor_id"), l.optionalUuid("charter_id"));
                if (name != null && line.account() == null) l.error("account", "is not an account code or name");
                lines.add(line);
                prints.addAll(java.util.Arrays.asList(line.account(), plain(debit), plain(credit), line.clientId(), line.vendorId(), line.charterId()));
            }
        }
        if (key == null) in.error("Idempotency-Key", "header is required for a manual journal entry");
        in.validate();
        var posted = ledger.postManual(caller, date, memo, lines, key, IdempotencyKeys.fingerprint(prints.toArray()));
        // a retry under the same key answers as the first request did
        ctx.status(201).header("Location", "/ledger/entries/" + posted.entry().id()).json(posted.entry());
    }

    public void reverse(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        var id = Ids.pathId(ctx, "id", "Journal entry");
        LocalDate date = null;
        String memo = null;
        if (ctx.bodyAsBytes().length > 0) {
            var in = JsonInput.of(ctx);
            date = in.optionalDate("entry_date");
            memo = in.optionalString("memo");
            in.validate();
        }
        Entry reversal = ledger.reverse(caller, id, date, memo);
        ctx.status(201).header("Location", "/ledger/entries/" + reversal.id()).json(reversal);
    }

    public void periods(Context ctx) {
        ctx.json(Map.of("items", periods.list()));
    }

    public void close(Context ctx) {
        String text = ctx.pathParam("month");
        YearMonth month;
        try {
            if (!MONTH.matcher(text).matches()) throw new DateTimeParseException("", text, 0);
            month = YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.validation(List.of(new FieldError("month", "must be a month, YYYY-MM")));
        }
        ctx.json(periods.close(ServiceApp.caller(ctx), month));
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros().toPlainString();
    }
}
