package com.coachway.payment.stripe;

import com.coachway.common.http.ApiException;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * Stripe through the official SDK, one {@link StripeClient} of our own (its API base configurable,
 * so tests point it at a local fake; no global statics). Every call carries a Stripe idempotency
 * key derived from our record's id, so a retry of ours never makes a second intent or refund.
 * Called outside any transaction. Without a secret key every call is the 503 that says so.
 */
public final class StripeGateway {
    private static final Logger log = LoggerFactory.getLogger(StripeGateway.class);
    public static final String NOT_CONFIGURED = "Card payments are not available: Stripe is not configured (STRIPE_SECRET_KEY is not set); "
            + "manual payments (check, ach, wire, cash) still work";

    private final StripeClient client;

    private StripeGateway(StripeClient client) {
        this.client = client;
    }

    /** @param secretKey null or blank: not configured */
    public static StripeGateway of(String secretKey, String apiBase) {
        if (secretKey == null || secretKey.isBlank()) return new StripeGateway(null);
        var builder = StripeClient.builder().setApiKey(secretKey).setConnectTimeout(2_000).setReadTimeout(10_000)
                .setMaxNetworkRetries(1);
        if (apiBase != null && !apiBase.isBlank()) builder.setApiBase(apiBase);
        return new StripeGateway(builder.build());
    }

    public boolean configured() {
        return client != null;
    }

    /** The 503 for a card endpoint when Stripe is not configured. */
    public void requireConfigured() {
        if (client == null) throw ApiException.unavailable(NOT_CONFIGURED);
    }

    public record CreatedIntent(String id, String clientSecret, String status) {
    }

    /** Stripe refused what we asked (4xx other than auth or rate limit): retrying will not help. */
    public static final class Rejected extends RuntimeException {
        public Rejected(String message) {
            super(message);
        }
    }

    public CreatedIntent createIntent(UUID paymentId, BigDecimal amount, String currency, Map<String, String> metadata) {
        requireConfigured();
        var params = PaymentIntentCreateParams.builder()
                .setAmount(Cents.of(amount))
                .setCurrency(currency.toLowerCase(java.util.Locale.ROOT))
                .putAllMetadata(metadata)
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true).build())
                .build();
        return call("create the payment intent", () -> {
            PaymentIntent pi = client.v1().paymentIntents().create(params,
                    RequestOptions.builder().setIdempotencyKey("payment-" + paymentId).build());
            return new CreatedIntent(pi.getId(), pi.getClientSecret(), pi.getStatus());
        });
    }

    public CreatedIntent intent(String intentId) {
        requireConfigured();
        return call("read the payment intent", () -> {
            PaymentIntent pi = client.v1().paymentIntents().retrieve(intentId);
            return new CreatedIntent(pi.getId(), pi.getClientSecret(), pi.getStatus());
        });
    }

    public record CreatedRefund(String id, String status) {
    }

    public CreatedRefund refund(String intentId, BigDecimal amount, UUID refundId) {
        requireConfigured();
        var params = RefundCreateParams.builder().setPaymentIntent(intentId).setAmount(Cents.of(amount))
                .putMetadata("refund_id", refundId.toString()).build();
        return call("refund", () -> {
            Refund r = client.v1().refunds().create(params, RequestOptions.builder().setIdempotencyKey("refund-" + refundId).build());
            return new CreatedRefund(r.getId(), r.getStatus());
        });
    }

    private interface StripeCall<T> {
        T run() throws StripeException;
    }

    private static <T> T call(String what, StripeCall<T> call) {
        try {
            return call.run();
        } catch (ApiConnectionException | RateLimitException | AuthenticationException e) {
            log.warn("Stripe could not {}: {}", what, e.getMessage());
            throw ApiException.unavailable("Stripe is unavailable; try again shortly");
        } catch (StripeException e) {
            Integer status = e.getStatusCode();
            if (status == null || status >= 500) {
                log.warn("Stripe could not {}: {} ({})", what, e.getMessage(), status);
                throw ApiException.unavailable("Stripe is unavailable; try again shortly");
            }
            log.info("Stripe refused to {}: {} ({})", what, e.getStripeError() == null ? e.getMessage() : e.getStripeError().getMessage(), status);
            throw new Rejected(e.getStripeError() != null && e.getStripeError().getMessage() != null
                    ? e.getStripeError().getMessage() : "Stripe answered " + status);
        }
    }
}
