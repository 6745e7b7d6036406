package com.coachway.finance.events;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.IdempotencyKeys;
import com.coachway.common.http.JsonInput;
import io.javalin.http.Context;

import java.util.List;

/** The /events receivers over HTTP: the Idempotency-Key is the sender's event id, and is required. */
public final class EventHandler {
    private final EventActions events;

    public EventHandler(EventActions events) {
        this.events = events;
    }

    private static String eventId(Context ctx, JsonInput in) {
        String key = IdempotencyKeys.read(ctx);
        if (key == null) in.error("Idempotency-Key", "header is required: the sender's outbox event id");
        return key;
    }

    public void paymentRecorded(Context ctx) {
        var in = JsonInput.of(ctx);
        var p = new EventActions.PaymentRecorded(in.requiredUuid("payment_id"), in.optionalUuid("charter_id"), in.requiredUuid("client_id"),
                in.requiredDecimal("amount", 2), in.optionalString("method"), in.optionalString("reference"),
                in.requiredDateTime("received_at"), in.optionalDecimal("fee", 2));
        in.requiredString("currency");
        String id = eventId(ctx, in);
        in.validate();
        ctx.json(events.paymentRecorded(id, p));
    }

    public void paymentRefunded(Context ctx) {
        var in = JsonInput.of(ctx);
        var f = new EventActions.PaymentRefunded(in.requiredUuid("refund_id"), in.requiredUuid("payment_id"), in.optionalUuid("charter_id"),
                in.requiredUuid("client_id"), in.requiredDecimal("amount", 2), in.optionalString("method"), in.optionalString("reason"),
                in.requiredDateTime("refunded_at"));
        in.requiredString("currency");
        String id = eventId(ctx, in);
        in.validate();
        ctx.json(events.paymentRefunded(id, f));
    }

    public void charterStatus(Context ctx) {
        var in = JsonInput.of(ctx);
        var s = new EventActions.CharterStatus(in.requiredUuid("charter_id"), in.requiredUuid("client_id"), in.requiredString("status"),
                in.requiredDateTime("changed_at"));
        String id = eventId(ctx, in);
        in.validate();
        if (!"completed".equals(s.status()) && !"cancelled".equals(s.status())) {
            throw ApiException.validation(List.of(new FieldError("status", "must be completed or cancelled")));
        }
        ctx.json(events.charterStatus(id, s));
    }
}
