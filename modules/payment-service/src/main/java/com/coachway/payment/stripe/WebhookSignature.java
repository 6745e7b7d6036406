package com.coachway.payment.stripe;

import com.coachway.common.http.ApiException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;

import java.time.Clock;

/**
 * Verifies the Stripe-Signature of a webhook with the SDK (HMAC-SHA256 over "timestamp.payload",
 * tolerance 300 s against our clock). Without a webhook secret every webhook is a 503.
 */
public final class WebhookSignature {
    public static final long TOLERANCE_SECONDS = 300;

    private final String secret;
    private final Clock clock;

    public WebhookSignature(String secret, Clock clock) {
        this.secret = secret == null || secret.isBlank() ? null : secret;
        this.clock = clock;
    }

    public boolean configured() {
        return secret != null;
    }

    /** 400 unless {@code header} signs {@code payload}, within the tolerance; 503 for a signed request when we have no secret. */
    public void verify(String payload, String header) {
        // An unsigned request is a bad one whatever our configuration: only a signed one learns that we lack the secret.
        if (header == null || header.isBlank()) throw ApiException.badRequest("The Stripe-Signature header is missing");
        if (secret == null) {
            throw ApiException.unavailable("Stripe webhooks are not configured (STRIPE_WEBHOOK_SECRET is not set)");
        }
        try {
            Webhook.Signature.verifyHeader(payload, header, secret, TOLERANCE_SECONDS, clock);
        } catch (SignatureVerificationException e) {
            throw ApiException.badRequest("The Stripe-Signature does not verify: " + e.getMessage());
        }
    }
}
