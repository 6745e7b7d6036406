package com.coachway.payment.payments;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The outbox events for finance-service (delivered by remote/Finance to its /events receivers).
 * Receivers dedupe on the outbox event id. The payloads are the receivers' bodies as they are.
 */
public final class PaymentEvents {
    public static final String RECORDED = "payment.recorded";
    public static final String REFUNDED = "payment.refunded";

    private PaymentEvents() {
    }

    /**
     * {@code fee}: the processor's fee on the payment, when known; null for now, always. Manual payments
     * (check, ACH, wire, cash) have none here, and Stripe states a card payment's fee only on the
     * charge's balance transaction, which no webhook payload carries: knowing it would take a Stripe
     * call per payment, and the event is written inside the webhook's transaction.
     */
    public record PaymentRecorded(UUID paymentId, UUID charterId, UUID clientId, BigDecimal amount, String currency,
                                  String method, String reference, OffsetDateTime receivedAt, OffsetDateTime succeededAt,
                                  BigDecimal fee) {
    }

    public record PaymentRefunded(UUID refundId, UUID paymentId, UUID charterId, UUID clientId, BigDecimal amount,
                                  String currency, String method, String reason, OffsetDateTime refundedAt) {
    }

    /**
     * {@code received_at} is when the money came: a manual payment's is the one the accountant gave;
     * a card payment has none of its own, and its money came when Stripe said it succeeded.
     */
    public static PaymentRecorded recorded(Payment p) {
        OffsetDateTime received = p.receivedAt() != null ? p.receivedAt() : p.succeededAt();
        return new PaymentRecorded(p.id(), p.charterId(), p.clientId(), p.amount(), p.currency(), p.method(), p.reference(),
                received, p.succeededAt(), null);
    }

    public static PaymentRefunded refunded(Refund r, Payment p, OffsetDateTime at) {
        return new PaymentRefunded(r.id(), p.id(), p.charterId(), p.clientId(), r.amount(), p.currency(), p.method(),
                r.reason(), at);
    }
}
