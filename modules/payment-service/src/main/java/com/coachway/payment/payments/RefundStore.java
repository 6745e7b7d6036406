package com.coachway.payment.payments;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.payment.tables.records.RefundsRecord;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.payment.Tables.REFUNDS;

/** The jOOQ queries for refunds. */
public final class RefundStore {
    private static final Keyset OLDEST_FIRST = Keyset.of("refunds", REFUNDS.CREATED_AT.asc(), REFUNDS.ID.asc());

    private static Refund toRefund(RefundsRecord r) {
        return new Refund(r.getId(), r.getPaymentId(), r.getAmount(), r.getReason(), r.getStatus(), r.getSource(),
                r.getStripeRefundId(), r.getFailureMessage(), r.getCreatedBy(), r.getCreatedAt(), r.getUpdatedAt());
    }

    public Optional<Refund> find(DSLContext ctx, UUID id) {
        return ctx.selectFrom(REFUNDS).where(REFUNDS.ID.eq(id)).fetchOptional(RefundStore::toRefund);
    }

    public Optional<Refund> lock(DSLContext tx, UUID id) {
        return tx.selectFrom(REFUNDS).where(REFUNDS.ID.eq(id)).forUpdate().fetchOptional(RefundStore::toRefund);
    }

    public Page<Refund> list(DSLContext ctx, UUID paymentId, PageRequest page) {
        var where = REFUNDS.PAYMENT_ID.eq(paymentId);
        return OLDEST_FIRST.page(ctx.selectFrom(REFUNDS).where(where), page, ctx.fetchCount(REFUNDS, where), RefundStore::toRefund);
    }

    public record Keyed(UUID id, UUID paymentId, String fingerprint) {
    }

    public Optional<Keyed> byKey(DSLContext tx, String scope, String key) {
        return tx.select(REFUNDS.ID, REFUNDS.PAYMENT_ID, REFUNDS.REQUEST_FINGERPRINT).from(REFUNDS)
                .where(REFUNDS.IDEMPOTENCY_SCOPE.eq(scope), REFUNDS.IDEMPOTENCY_KEY.eq(key))
                .fetchOptional(r -> new Keyed(r.value1(), r.value2(), r.value3()));
    }

    public boolean insertIfNew(DSLContext tx, UUID id, UUID paymentId, BigDecimal amount, String reason, String status,
                               String source, String scope, String key, String fingerprint, String createdBy, OffsetDateTime now) {
        var row = new RefundsRecord();
        row.setId(id);
        row.setPaymentId(paymentId);
        row.setAmount(amount);
        row.setReason(reason);
        row.setStatus(status);
        row.setSource(source);
        row.setIdempotencyScope(key == null ? null : scope);
        row.setIdempotencyKey(key);
        row.setRequestFingerprint(key == null ? null : fingerprint);
        row.setCreatedBy(createdBy);
        row.setCreatedAt(now);
        row.setUpdatedAt(now);
        return tx.insertInto(REFUNDS).set(row).onConflictDoNothing().execute() == 1;
    }

    /** Settles a pending refund; false when it was no longer pending (another request settled it). */
    public boolean settle(DSLContext tx, UUID id, String status, String stripeRefundId, String failureMessage, OffsetDateTime now) {
        return tx.update(REFUNDS).set(REFUNDS.STATUS, status).set(REFUNDS.STRIPE_REFUND_ID, stripeRefundId)
                .set(REFUNDS.FAILURE_MESSAGE, failureMessage).set(REFUNDS.UPDATED_AT, now)
                .where(REFUNDS.ID.eq(id), REFUNDS.STATUS.eq("pending")).execute() == 1;
    }
}
