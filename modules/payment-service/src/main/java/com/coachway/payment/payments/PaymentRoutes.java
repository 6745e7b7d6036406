package com.coachway.payment.payments;

import com.coachway.payment.access.Roles;
import io.javalin.config.RoutesConfig;

public final class PaymentRoutes {
    private PaymentRoutes() {
    }

    public static void register(RoutesConfig r, PaymentHandler payments, RefundHandler refunds) {
        r.get("/payments", payments::list, Roles.READ);
        r.post("/payments", payments::create, Roles.ACCOUNTING);
        r.get("/payments/{id}", payments::get, Roles.READ);
        r.get("/payments/{id}/refunds", refunds::list, Roles.READ);
        r.post("/payments/{id}/refunds", refunds::create, Roles.ACCOUNTING);
        r.post("/intents", payments::createIntent, Roles.PAY_BY_CARD);
    }
}
