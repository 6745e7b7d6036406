package com.coachway.payment.webhooks;

import com.coachway.common.auth.ClientScope;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.Ids;
import com.coachway.common.http.Json;
import com.coachway.common.audit.AuditTrail;
import com.coachway.common.outbox.Outbox;
import com.coachway.payment.payments.Payment;
import com.coachway.payment.payments.PaymentAudit;
import com.coachway.payment.payments.PaymentEvents;
import com.coachway.payment.payments.PaymentStatusRule;
import com.coachway.payment.payments.PaymentStore;
import com.coachway.payment.payments.Refund;
import com.coachway.payment.payments.RefundStore;
import com.coachway.payment.stripe.Cents;
import com.coachway.payment.stripe.WebhookSignature;
import com.fasterxml.jackson.databind.JsonNode;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Stripe's webhook events, applied once each and so that any order ends in the same state: a
 * payment's status only moves forward ({@link PaymentStatusRule}), and charge.refunded carries
 * the charge's cumulative amount_refunded, so it adds only what no refund here accounts for yet.
 * The event id is recorded in the transaction that applies it.
 */
public final class WebhookActions {
    private static final Logger log = LoggerFactory.getLogger(WebhookActions.class);

    private final DSLContext dsl;
    private final WebhookSignature signature;
    private final StripeEventStore events;
    private final PaymentStore payments;
    private final RefundStore refunds;
    private final Outbox outbox;
    private final PaymentAudit audit;
    private final Clock clock;

    public WebhookActions(DSLContext dsl, WebhookSignature signature, StripeEventStore events, PaymentStore payments,
                          RefundStore refunds, Outbox outbox, PaymentAudit audit, Clock clock) {
        this.dsl = dsl;
        this.signature = signature;
        this.events = events;
        this.payments = payments;
        this.refunds = refunds;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** True when the event was new and concerned a payment of ours. */
    public boolean receive(String payload, String signatureHeader) {
        signature.verify(payload, signatureHeader);
        JsonNode event;
        try {
            event = Json.MAPPER.readTree(payload);
        } catch (IOException e) {
            throw ApiException.badRequest("The event is not JSON");
        }
        String id = event.path("id").asText("");
        String type = event.path("type").asText("");
        JsonNode object = event.path("data").path("object");
        if (id.isEmpty() || type.isEmpty() || !object.isObject()) throw ApiException.badRequest("The event has no id, type or data.object");
        boolean applied = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (!events.recordIfNew(tx, id, type, now)) return false;
            return switch (type) {
                case "payment_intent.succeeded" -> intentOutcome(tx, object, true, now);
                case "payment_intent.payment_failed" -> intentOutcome(tx, object, false, now);
                case "charge.refunded" -> chargeRefunded(tx, object, now);
                default -> false;
            };
        });
        log.info("stripe event {} ({}) {}", id, type, applied ? "applied" : "changed nothing");
        return applied;
    }

    private boolean intentOutcome(DSLContext tx, JsonNode intent, boolean succeeded, OffsetDateTime now) {
        var row = payment(tx, intent.path("metadata").path("payment_id").asText(null), intent.path("id").asText(null));
        if (row.isEmpty()) return false;
        Payment p = row.get().payment();
        if (p.stripePaymentIntentId() == null) payments.setIntent(tx, p.id(), intent.path("id").asText(), now);
        if (succeeded) {
            becameSucceeded(tx, p, now);
        } else {
            String next = PaymentStatusRule.afterFailed(p.status());
            if (!next.equals(p.status())) {
                String why = intent.path("last_payment_error").path("message").asText("the card payment failed");
                payments.setStatus(tx, p.id(), next, why, now);
            }
        }
        return true;
    }

    private void becameSucceeded(DSLContext tx, Payment p, OffsetDateTime now) {
        if (PaymentStatusRule.SUCCEEDED.equals(p.status())) return;
        payments.setStatus(tx, p.id(), PaymentStatusRule.afterSucceeded(p.status()), null, now);
        Payment succeeded = payments.find(tx, ClientScope.all(), p.id()).orElseThrow();
        outbox.enqueue(tx, PaymentEvents.RECORDED, PaymentEvents.recorded(succeeded));
        audit.recorded(tx, succeeded, p.status(), AuditTrail.SYSTEM);
    }

    private boolean chargeRefunded(DSLContext tx, JsonNode charge, OffsetDateTime now) {
        var row = payment(tx, charge.path("metadata").path("payment_id").asText(null), charge.path("payment_intent").asText(null));
        if (row.isEmpty()) return false;
        Payment p = row.get().payment();
        // A charge that was refunded was paid: this event may overtake payment_intent.succeeded.
        if (charge.path("paid").asBoolean(false) || "succeeded".equals(charge.path("status").asText())) becameSucceeded(tx, p, now);
        BigDecimal refundedAtStripe = Cents.toDollars(charge.path("amount_refunded").asLong(0));
        BigDecimal missing = refundedAtStripe.subtract(row.get().committed());
        if (missing.signum() > 0) {
            UUID id = Ids.newId();
            refunds.insertIfNew(tx, id, p.id(), missing, "refunded in Stripe", PaymentStatusRule.SUCCEEDED, "stripe",
                    null, null, null, "stripe", now);
            Refund refund = refunds.find(tx, id).orElseThrow();
            outbox.enqueue(tx, PaymentEvents.REFUNDED, PaymentEvents.refunded(refund, p, now));
            audit.refunded(tx, refund, p, AuditTrail.SYSTEM);
        }
        return true;
    }

    /** Our payment of the event, locked: by the payment_id we put in the metadata, else by the intent id. */
    private Optional<PaymentStore.Row> payment(DSLContext tx, String metadataId, String intentId) {
        UUID id = Ids.parse(metadataId);
        if (id == null && intentId != null) id = payments.idByIntent(tx, intentId).orElse(null);
        if (id == null) return Optional.empty();
        var row = payments.lock(tx, ClientScope.all(), id);
        // metadata is Stripe's copy of what we sent; the intent must still be the payment's own
        if (row.isPresent() && intentId != null && row.get().payment().stripePaymentIntentId() != null
                && !intentId.equals(row.get().payment().stripePaymentIntentId())) {
            return Optional.empty();
        }
        return row;
    }
}
