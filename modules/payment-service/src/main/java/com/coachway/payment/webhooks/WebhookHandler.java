package com.coachway.payment.webhooks;

import io.javalin.http.Context;

import java.util.Map;

/** Stripe's webhook: the raw body (the signature is over its exact bytes) and its Stripe-Signature. */
public final class WebhookHandler {
    private final WebhookActions actions;

    public WebhookHandler(WebhookActions actions) {
        this.actions = actions;
    }

    public void receive(Context ctx) {
        boolean applied = actions.receive(ctx.body(), ctx.header("Stripe-Signature"));
        ctx.json(Map.of("received", true, "applied", applied));
    }
}
