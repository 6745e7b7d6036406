package com.coachway.payment.payments;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The outbox events for finance-service (not built yet: the rows wait). Receivers dedupe on the outbox event id. */
public final class PaymentEvents {
    public static final String RECORDED = "payment.recorded";
    public static final String REFUNDED = "payment.refunded";

    private PaymentEvents() {
    }

    public record PaymentRecorded(UUID paymentId, UUID charterId, UUID clientId, BigDecimal amount, String currency,
                                  String method, String reference, OffsetDateTime receivedAt, OffsetDateTime succeededAt) {
    }

    public record PaymentRefunded(UUID refundId, UUID paymentId, UUID charterId, UUID clientId, BigDecimal amount,
                                  String currency, String method, String reason, OffsetDateTime refundedAt) {
    }

    public static PaymentRecorded recorded(Payment p) {
        return new PaymentRecorded(p.id(), p.charterId(), p.clientId(), p.amount(), p.currency(), p.method(), p.reference(),
                p.receivedAt(), p.succeededAt());
    }

    public static PaymentRefunded refunded(Refund r, Payment p, OffsetDateTime at) {
        return new PaymentRefunded(r.id(), p.id(), p.charterId(), p.clientId(), r.amount(), p.currency(), p.method(),
                r.reason(), at);
    }
}
