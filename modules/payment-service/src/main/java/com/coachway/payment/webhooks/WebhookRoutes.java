package com.coachway.payment.webhooks;

import com.coachway.common.auth.Role;
import io.javalin.config.RoutesConfig;

public final class WebhookRoutes {
    private WebhookRoutes() {
    }

    /** Public: Stripe holds no token of ours; the Stripe-Signature is what authenticates it. */
    public static void register(RoutesConfig r, WebhookHandler h) {
        r.post("/webhooks/stripe", h::receive, Role.PUBLIC);
    }
}
