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
import java.util.UUID;

/** Refunds over HTTP. */
public final class RefundHandler {
    private final RefundActions actions;

    public RefundHandler(RefundActions actions) {
        this.actions = actions;
    }

    public void list(Context ctx) {
        var scope = ClientScope.of(ServiceApp.caller(ctx));
        UUID paymentId = Ids.pathId(ctx, "id", "Payment");
        var q = Query.of(ctx);
        var page = q.page();
        q.validate();
        ctx.json(actions.list(scope, paymentId, page));
    }

    public void create(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID paymentId = Ids.pathId(ctx, "id", "Payment");
        var in = JsonInput.of(ctx);
        BigDecimal amount = in.requiredDecimal("amount", 2);
        String reason = in.optionalString("reason");
        String key = IdempotencyKeys.read(ctx);
        in.validate();
        String fingerprint = IdempotencyKeys.fingerprint(paymentId, amount.stripTrailingZeros().toPlainString(), reason);
        Refund r = actions.refund(caller, ClientScope.of(caller), paymentId, amount, reason, key, fingerprint);
        ctx.status(201).header("Location", "/payments/" + paymentId + "/refunds").json(r);
    }
}
