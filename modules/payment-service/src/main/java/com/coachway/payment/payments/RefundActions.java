package com.coachway.payment.payments;

import com.coachway.common.auth.Caller;
import com.coachway.common.auth.ClientScope;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.common.audit.AuditTrail;
import com.coachway.common.outbox.Outbox;
import com.coachway.payment.stripe.StripeGateway;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Refunds. The refund is recorded (card: pending) under the payment's row lock, so concurrent
 * refunds can never add up to more than the payment; a card refund then goes to Stripe outside
 * any transaction, under an idempotency key of the refund's id, and is settled by what Stripe said.
 */
public final class RefundActions {
    private static final Logger log = LoggerFactory.getLogger(RefundActions.class);

    private final DSLContext dsl;
    private final PaymentStore payments;
    private final RefundStore refunds;
    private final StripeGateway stripe;
    private final Outbox outbox;
    private final PaymentAudit audit;
    private final Clock clock;

    public RefundActions(DSLContext dsl, PaymentStore payments, RefundStore refunds, StripeGateway stripe, Outbox outbox, PaymentAudit audit,
                         Clock clock) {
        this.dsl = dsl;
        this.payments = payments;
        this.refunds = refunds;
        this.stripe = stripe;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    public Page<Refund> list(ClientScope scope, UUID paymentId, PageRequest page) {
        payments.find(dsl, scope, paymentId).orElseThrow(() -> ApiException.notFound("Payment"));
        return refunds.list(dsl, paymentId, page);
    }

    public Refund refund(Caller caller, ClientScope scope, UUID paymentId, BigDecimal amount, String reason, String key,
                         String fingerprint) {
        Payment payment = payments.find(dsl, scope, paymentId).orElseThrow(() -> ApiException.notFound("Payment"));
        boolean card = "card".equals(payment.method());
        if (card) stripe.requireConfigured();
        String idScope = caller.subject();
        UUID id = Ids.newId();
        Refund recorded = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            var row = payments.lock(tx, scope, paymentId).orElseThrow(() -> ApiException.notFound("Payment"));
            if (key != null) {
                var earlier = refunds.byKey(tx, idScope, key);
                if (earlier.isPresent()) return answerAgain(tx, earlier.get(), paymentId, fingerprint);
            }
            Payment p = row.payment();
            RefundRule.refusal(p.status(), p.amount(), row.committed(), amount).ifPresent(why -> {
                throw ApiException.conflict(why);
            });
            OffsetDateTime now = OffsetDateTime.now(clock);
            String status = card ? PaymentStatusRule.PENDING : PaymentStatusRule.SUCCEEDED;
            if (!refunds.insertIfNew(tx, id, paymentId, amount, reason, status, "api", idScope, key, fingerprint,
                    caller.subject(), now)) {
                return answerAgain(tx, refunds.byKey(tx, idScope, key).orElseThrow(), paymentId, fingerprint);
            }
            Refund created = refunds.find(tx, id).orElseThrow();
            if (!card) {
                outbox.enqueue(tx, PaymentEvents.REFUNDED, PaymentEvents.refunded(created, p, now));
                audit.refunded(tx, created, p, AuditTrail.actor(caller));
            }
            return created;
        });
        if (recorded.id().equals(id)) log.info("refund {} of {} on payment {} recorded ({})", id, amount, paymentId, caller.subject());
        if (card && PaymentStatusRule.PENDING.equals(recorded.status())) return throughStripe(caller, payment, recorded);
        return recorded;
    }

    /** Asks Stripe for the refund (again, for a retry: its idempotency key makes it the same refund) and settles it. */
    private Refund throughStripe(Caller caller, Payment payment, Refund refund) {
        StripeGateway.CreatedRefund created;
        try {
            created = stripe.refund(payment.stripePaymentIntentId(), refund.amount(), refund.id());
        } catch (StripeGateway.Rejected e) {
            dsl.transaction(c -> refunds.settle(c.dsl(), refund.id(), PaymentStatusRule.FAILED, null, e.getMessage(), OffsetDateTime.now(clock)));
            throw ApiException.conflict("Stripe refused the refund: " + e.getMessage());
        }
        boolean failed = "failed".equals(created.status()) || "canceled".equals(created.status());
        dsl.transaction(c -> {
            DSLContext tx = c.dsl();
            OffsetDateTime now = OffsetDateTime.now(clock);
            // Stripe's pending refunds already count in the charge's amount_refunded: they are ours to count too.
            String status = failed ? PaymentStatusRule.FAILED : PaymentStatusRule.SUCCEEDED;
            if (refunds.settle(tx, refund.id(), status, created.id(), failed ? "Stripe: " + created.status() : null, now) && !failed) {
                outbox.enqueue(tx, PaymentEvents.REFUNDED, PaymentEvents.refunded(refund, payment, now));
                audit.refunded(tx, refund, payment, AuditTrail.actor(caller));
            }
        });
        log.info("refund {} sent to Stripe as {} ({})", refund.id(), created.id(), created.status());
        Refund settled = refunds.find(dsl, refund.id()).orElseThrow();
        if (failed) throw ApiException.conflict("Stripe did not make the refund: it is " + created.status());
        return settled;
    }

    private Refund answerAgain(DSLContext tx, RefundStore.Keyed earlier, UUID paymentId, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint) || !earlier.paymentId().equals(paymentId)) {
            throw ApiException.conflict("This Idempotency-Key was used for a different refund");
        }
        return refunds.find(tx, earlier.id()).orElseThrow();
    }
}
