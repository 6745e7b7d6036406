package com.coachway.payment.payments;

import com.coachway.common.auth.Caller;
import com.coachway.common.auth.ClientScope;
import com.coachway.common.http.IdempotencyKeys;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import io.javalin.http.Context;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Payments and card intents over HTTP: read the request, call one action, write the answer. */
public final class PaymentHandler {
    private final PaymentActions actions;

    public PaymentHandler(PaymentActions actions) {
        this.actions = actions;
    }

    public void list(Context ctx) {
        var scope = ClientScope.of(ServiceApp.caller(ctx));
        var q = Query.of(ctx);
        UUID charterId = q.uuid("charter_id");
        UUID clientId = q.uuid("client_id");
        String status = q.string("status");
        var page = q.page();
        q.validate();
        ctx.json(actions.list(scope, charterId, clientId, status, page));
    }

    public void get(Context ctx) {
        var scope = ClientScope.of(ServiceApp.caller(ctx));
        ctx.json(actions.get(scope, Ids.pathId(ctx, "id", "Payment")));
    }

    public void create(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        var in = JsonInput.of(ctx);
        UUID charterId = in.requiredUuid("charter_id");
        UUID clientId = in.requiredUuid("client_id");
        BigDecimal amount = in.requiredDecimal("amount", 2);
        String method = in.requiredString("method");
        String reference = in.optionalString("reference");
        OffsetDateTime receivedAt = in.requiredDateTime("received_at");
        String key = IdempotencyKeys.read(ctx);
        in.validate();
        String fingerprint = IdempotencyKeys.fingerprint("manual", charterId, clientId, amount.stripTrailingZeros().toPlainString(),
                method, reference, receivedAt.toInstant());
        Payment p = actions.record(caller, ClientScope.of(caller), new PaymentActions.ManualPayment(charterId, clientId, amount,
                method, reference, receivedAt), key, fingerprint);
        ctx.status(201).header("Location", "/payments/" + p.id()).json(p);
    }

    public void createIntent(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        var in = JsonInput.of(ctx);
        UUID charterId = in.requiredUuid("charter_id");
        BigDecimal amount = in.requiredDecimal("amount", 2);
        String key = IdempotencyKeys.read(ctx);
        in.validate();
        String fingerprint = IdempotencyKeys.fingerprint("card", charterId, amount.stripTrailingZeros().toPlainString());
        ctx.status(201).json(actions.startCard(caller, ClientScope.of(caller), charterId, amount, key, fingerprint));
    }
}
