package com.coachway.payment.payments;

import com.coachway.common.auth.ClientScope;
import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.payment.tables.records.PaymentsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.payment.Tables.PAYMENTS;
import static com.coachway.db.payment.Tables.REFUNDS;

/** The jOOQ queries for payments. Every method runs on the DSLContext it is given. */
public final class PaymentStore {
    private static final Keyset NEWEST_FIRST = Keyset.of("payments", PAYMENTS.CREATED_AT.desc(), PAYMENTS.ID.desc());

    private static Field<BigDecimal> refundSum(List<String> statuses, String name) {
        return DSL.coalesce(DSL.field(DSL.select(DSL.sum(REFUNDS.AMOUNT)).from(REFUNDS)
                .where(REFUNDS.PAYMENT_ID.eq(PAYMENTS.ID), REFUNDS.STATUS.in(statuses))), BigDecimal.ZERO).as(name);
    }

    private static final Field<BigDecimal> REFUNDED = refundSum(List.of("succeeded"), "refunded");
    /** Refunds that succeeded or are under way: what is no longer refundable. */
    private static final Field<BigDecimal> COMMITTED = refundSum(List.of("pending", "succeeded"), "committed");

    /** A payment with the refund sums it is read with. */
    public record Row(Payment payment, BigDecimal committed) {
    }

    private static Row row(Record r) {
        BigDecimal committed = r.get(COMMITTED);
        String status = r.get(PAYMENTS.STATUS);
        BigDecimal amount = r.get(PAYMENTS.AMOUNT);
        var p = new Payment(r.get(PAYMENTS.ID), r.get(PAYMENTS.CHARTER_ID), r.get(PAYMENTS.CLIENT_ID), amount,
                r.get(PAYMENTS.CURRENCY), r.get(PAYMENTS.METHOD), status, r.get(PAYMENTS.REFERENCE), r.get(PAYMENTS.RECEIVED_AT),
                r.get(PAYMENTS.STRIPE_PAYMENT_INTENT_ID), r.get(PAYMENTS.FAILURE_MESSAGE), r.get(REFUNDED).setScale(2),
                RefundRule.refundable(status, amount, committed), r.get(PAYMENTS.CREATED_BY), r.get(PAYMENTS.CREATED_AT),
                r.get(PAYMENTS.UPDATED_AT), r.get(PAYMENTS.SUCCEEDED_AT));
        return new Row(p, committed);
    }

    private static org.jooq.SelectJoinStep<Record> select(DSLContext ctx) {
        return ctx.select(PAYMENTS.fields()).select(REFUNDED, COMMITTED).from(PAYMENTS);
    }

    public Optional<Payment> find(DSLContext ctx, ClientScope scope, UUID id) {
        return select(ctx).where(PAYMENTS.ID.eq(id), scope.where(PAYMENTS.CLIENT_ID)).fetchOptional(r -> row(r).payment());
    }

    /** Locks the payment row (refunds and webhooks of one payment queue here) and reads it. */
    public Optional<Row> lock(DSLContext tx, ClientScope scope, UUID id) {
        var locked = tx.select(PAYMENTS.ID).from(PAYMENTS).where(PAYMENTS.ID.eq(id), scope.where(PAYMENTS.CLIENT_ID))
                .forUpdate().fetchOptional(PAYMENTS.ID);
        if (locked.isEmpty()) return Optional.empty();
        return select(tx).where(PAYMENTS.ID.eq(id)).fetchOptional(PaymentStore::row);
    }

    public Optional<UUID> idByIntent(DSLContext tx, String intentId) {
        return tx.select(PAYMENTS.ID).from(PAYMENTS).where(PAYMENTS.STRIPE_PAYMENT_INTENT_ID.eq(intentId)).fetchOptional(PAYMENTS.ID);
    }

    public Page<Payment> list(DSLContext ctx, ClientScope scope, UUID charterId, UUID clientId, String status, PageRequest page) {
        Condition where = scope.where(PAYMENTS.CLIENT_ID)
                .and(charterId == null ? DSL.noCondition() : PAYMENTS.CHARTER_ID.eq(charterId))
                .and(clientId == null ? DSL.noCondition() : PAYMENTS.CLIENT_ID.eq(clientId))
                .and(status == null ? DSL.noCondition() : PAYMENTS.STATUS.eq(status));
        int total = ctx.fetchCount(PAYMENTS, where);
        return NEWEST_FIRST.page(select(ctx).where(where), page, total, r -> row(r).payment());
    }

    public record Keyed(UUID id, String fingerprint) {
    }

    /** The payment this caller made under this Idempotency-Key, if any. */
    public Optional<Keyed> byKey(DSLContext tx, String scope, String key) {
        return tx.select(PAYMENTS.ID, PAYMENTS.REQUEST_FINGERPRINT).from(PAYMENTS)
                .where(PAYMENTS.IDEMPOTENCY_SCOPE.eq(scope), PAYMENTS.IDEMPOTENCY_KEY.eq(key))
                .fetchOptional(r -> new Keyed(r.value1(), r.value2()));
    }

    public record NewPayment(UUID id, UUID charterId, UUID clientId, BigDecimal amount, String currency, String method,
                             String status, String reference, OffsetDateTime receivedAt) {
    }

    /**
     * Inserts the payment unless this caller already used the key: a concurrent insert under the
     * same key waits on the unique index and then inserts nothing. True when it inserted.
     */
    public boolean insertIfNew(DSLContext tx, NewPayment p, String scope, String key, String fingerprint, String createdBy,
                               OffsetDateTime now) {
        var row = new PaymentsRecord();
        row.setId(p.id());
        row.setCharterId(p.charterId());
        row.setClientId(p.clientId());
        row.setAmount(p.amount());
        row.setCurrency(p.currency());
        row.setMethod(p.method());
        row.setStatus(p.status());
        row.setReference(p.reference());
        row.setReceivedAt(p.receivedAt());
        row.setIdempotencyScope(key == null ? null : scope);
        row.setIdempotencyKey(key);
        row.setRequestFingerprint(key == null ? null : fingerprint);
        row.setCreatedBy(createdBy);
        row.setCreatedAt(now);
        row.setUpdatedAt(now);
        if (PaymentStatusRule.SUCCEEDED.equals(p.status())) row.setSucceededAt(now);
        return tx.insertInto(PAYMENTS).set(row).onConflictDoNothing().execute() == 1;
    }

    /** Records the Stripe PaymentIntent of a card payment (once: the first one recorded stays). */
    public void setIntent(DSLContext ctx, UUID id, String intentId, OffsetDateTime now) {
        ctx.update(PAYMENTS).set(PAYMENTS.STRIPE_PAYMENT_INTENT_ID, intentId).set(PAYMENTS.UPDATED_AT, now)
                .where(PAYMENTS.ID.eq(id), PAYMENTS.STRIPE_PAYMENT_INTENT_ID.isNull()).execute();
    }

    public void setStatus(DSLContext tx, UUID id, String status, String failureMessage, OffsetDateTime now) {
        var update = tx.update(PAYMENTS).set(PAYMENTS.STATUS, status).set(PAYMENTS.UPDATED_AT, now)
                .set(PAYMENTS.FAILURE_MESSAGE, failureMessage);
        if (PaymentStatusRule.SUCCEEDED.equals(status)) update = update.set(PAYMENTS.SUCCEEDED_AT, now);
        update.where(PAYMENTS.ID.eq(id)).execute();
    }
}
