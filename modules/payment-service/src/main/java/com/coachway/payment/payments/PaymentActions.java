package com.coachway.payment.payments;

import com.coachway.common.auth.Caller;
import com.coachway.common.auth.ClientScope;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.common.audit.AuditTrail;
import com.coachway.common.outbox.Outbox;
import com.coachway.payment.remote.CharterDirectory;
import com.coachway.payment.remote.CharterDirectory.CharterInfo;
import com.coachway.payment.schedules.ScheduleStore;
import com.coachway.payment.stripe.StripeGateway;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Taking payments: manual ones recorded by accounting, card ones started as Stripe PaymentIntents.
 * The charter is read from charter-service before any transaction; Stripe is called after the
 * payment row has committed. Every payment of one charter queues on its schedule's row lock, so
 * what it still owes is read by one at a time and an Idempotency-Key's retries find the first.
 */
public final class PaymentActions {
    private static final Logger log = LoggerFactory.getLogger(PaymentActions.class);

    private final DSLContext dsl;
    private final PaymentStore payments;
    private final ScheduleStore schedules;
    private final CharterDirectory charters;
    private final StripeGateway stripe;
    private final Outbox outbox;
    private final PaymentAudit audit;
    private final Clock clock;

    public PaymentActions(DSLContext dsl, PaymentStore payments, ScheduleStore schedules, CharterDirectory charters,
                          StripeGateway stripe, Outbox outbox, PaymentAudit audit, Clock clock) {
        this.dsl = dsl;
        this.payments = payments;
        this.schedules = schedules;
        this.charters = charters;
        this.stripe = stripe;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    public Payment get(ClientScope scope, UUID id) {
        return payments.find(dsl, scope, id).orElseThrow(() -> ApiException.notFound("Payment"));
    }

    public Page<Payment> list(ClientScope scope, UUID charterId, UUID clientId, String status, PageRequest page) {
        return payments.list(dsl, scope, charterId, clientId, status, page);
    }

    public record ManualPayment(UUID charterId, UUID clientId, BigDecimal amount, String method, String reference,
                                OffsetDateTime receivedAt) {
    }

    /** Records money received, succeeded at once; or answers the payment recorded first under the same key. */
    public Payment record(Caller caller, ClientScope scope, ManualPayment m, String key, String fingerprint) {
        CharterInfo charter = chargeable(scope, m.charterId());
        if (!charter.clientId().equals(m.clientId())) {
            throw ApiException.validation(List.of(new FieldError("client_id", "is not the client of this charter")));
        }
        var p = new PaymentStore.NewPayment(Ids.newId(), m.charterId(), m.clientId(), m.amount(), "USD", m.method(),
                PaymentStatusRule.SUCCEEDED, m.reference(), m.receivedAt());
        return insert(caller, p, key, fingerprint);
    }

    /**
     * Starts a card payment: the pending payment commits first, then Stripe makes its intent under
     * an idempotency key of the payment's id, so a retry (ours or the client's) gets the same intent.
     */
    public Intent startCard(Caller caller, ClientScope scope, UUID charterId, BigDecimal amount, String key, String fingerprint) {
        stripe.requireConfigured();
        CharterInfo charter = chargeable(scope, charterId);
        var p = new PaymentStore.NewPayment(Ids.newId(), charterId, charter.clientId(), amount, "USD", "card",
                PaymentStatusRule.PENDING, null, null);
        Payment payment = insert(caller, p, key, fingerprint);
        var intent = payment.stripePaymentIntentId() != null
                ? stripe.intent(payment.stripePaymentIntentId())
                : stripe.createIntent(payment.id(), payment.amount(), payment.currency(), Map.of(
                        "payment_id", payment.id().toString(), "charter_id", charterId.toString(),
                        "client_id", charter.clientId().toString()));
        payments.setIntent(dsl, payment.id(), intent.id(), OffsetDateTime.now(clock));
        return new Intent(intent.id(), intent.clientSecret(), payment.id(), payment.amount(), payment.currency(), payment.status());
    }

    private CharterInfo chargeable(ClientScope scope, UUID charterId) {
        CharterInfo charter = charters.charter(charterId).filter(c -> scope.allows(c.clientId()))
                .orElseThrow(() -> ApiException.notFound("Charter"));
        ChargeRule.refusal(charter.status()).ifPresent(why -> {
            throw ApiException.conflict(why);
        });
        return charter;
    }

    private Payment insert(Caller caller, PaymentStore.NewPayment p, String key, String fingerprint) {
        String scope = caller.subject();
        Payment result = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            var schedule = schedules.lockByCharter(tx, p.charterId()).orElseThrow(() -> ApiException.conflict(
                    "The charter has no payment schedule yet; it is opened when its booking reaches payment-service"));
            if (key != null) {
                var earlier = payments.byKey(tx, scope, key);
                if (earlier.isPresent()) return answerAgain(tx, earlier.get(), fingerprint);
            }
            BigDecimal outstanding = schedules.ledger(tx, p.charterId()).outstanding(schedule.total());
            if (p.amount().compareTo(outstanding) > 0) {
                throw ApiException.conflict("The charter owes " + outstanding.toPlainString() + "; a payment of "
                        + p.amount().setScale(2).toPlainString() + " is more than that");
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (!payments.insertIfNew(tx, p, scope, key, fingerprint, caller.subject(), now)) {
                return answerAgain(tx, payments.byKey(tx, scope, key).orElseThrow(), fingerprint);
            }
            Payment created = payments.find(tx, ClientScope.all(), p.id()).orElseThrow();
            if (PaymentStatusRule.SUCCEEDED.equals(created.status())) {
                outbox.enqueue(tx, PaymentEvents.RECORDED, PaymentEvents.recorded(created));
                audit.recorded(tx, created, null, AuditTrail.actor(caller));
            }
            return created;
        });
        if (result.id().equals(p.id())) {
            log.info("payment {} of {} by {} on charter {} recorded ({})", p.id(), p.amount(), p.method(), p.charterId(), caller.subject());
        } else {
            log.info("payment {} answered again for an Idempotency-Key retry by {}", result.id(), caller.subject());
        }
        return result;
    }

    private Payment answerAgain(DSLContext tx, PaymentStore.Keyed earlier, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw ApiException.conflict("This Idempotency-Key was used for a different payment");
        }
        return payments.find(tx, ClientScope.all(), earlier.id()).orElseThrow();
    }
}
