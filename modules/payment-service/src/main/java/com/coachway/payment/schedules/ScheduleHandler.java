package com.coachway.payment.schedules;

import com.coachway.common.auth.ClientScope;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.IdempotencyKeys;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import io.javalin.http.Context;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Schedules over HTTP: read the request, call one {@link ScheduleActions} use case, write the answer. */
public final class ScheduleHandler {
    private final ScheduleActions actions;

    public ScheduleHandler(ScheduleActions actions) {
        this.actions = actions;
    }

    public void list(Context ctx) {
        var scope = ClientScope.of(ServiceApp.caller(ctx));
        var q = Query.of(ctx);
        UUID charterId = q.uuid("charter_id");
        UUID clientId = q.uuid("client_id");
        var page = q.page();
        q.validate();
        ctx.json(actions.list(scope, charterId, clientId, page));
    }

    public void open(Context ctx) {
        ServiceApp.caller(ctx);
        var in = JsonInput.of(ctx);
        UUID charterId = in.requiredUuid("charter_id");
        UUID clientId = in.requiredUuid("client_id");
        UUID quoteId = in.optionalUuid("quote_id");
        BigDecimal total = in.requiredDecimal("total", 2);
        String currency = in.has("currency") ? in.optionalString("currency") : "USD";
        OffsetDateTime pickupAt = in.requiredDateTime("pickup_at");
        OffsetDateTime bookedAt = in.optionalDateTime("booked_at");
        String key = IdempotencyKeys.read(ctx);
        if (key == null) throw ApiException.badRequest(IdempotencyKeys.HEADER + " is required: the id of the event asking for the schedule");
        in.validate();
        String fingerprint = IdempotencyKeys.fingerprint(charterId, clientId, quoteId, total.stripTrailingZeros().toPlainString(),
                currency, pickupAt.toInstant(), bookedAt == null ? null : bookedAt.toInstant());
        var schedule = actions.open(new ScheduleActions.Request(charterId, clientId, quoteId, total, currency == null ? "USD" : currency,
                pickupAt, bookedAt), key, fingerprint);
        ctx.status(201).json(schedule);
    }
}
