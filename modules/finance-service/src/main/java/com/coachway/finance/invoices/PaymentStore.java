package com.coachway.finance.invoices;

import com.coachway.common.auth.ClientScope;
import com.coachway.db.finance.tables.records.PaymentReceiptRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.finance.Tables.APPLICATION;
import static com.coachway.db.finance.Tables.CLIENT_ACCOUNT;
import static com.coachway.db.finance.Tables.PAYMENT_RECEIPT;
import static com.coachway.db.finance.Tables.REFUND_RECEIPT;

/** The jOOQ queries of payments and refunds received, their applications to invoices, and the client row that serializes them. */
public final class PaymentStore {
    /** The client's row held FOR UPDATE until commit: everything that moves money on its invoices takes it first. */
    public void lockClient(DSLContext tx, UUID clientId, OffsetDateTime now) {
        tx.insertInto(CLIENT_ACCOUNT).set(CLIENT_ACCOUNT.CLIENT_ID, clientId).set(CLIENT_ACCOUNT.CREATED_AT, now)
                .onConflictDoNothing().execute();
        tx.select(CLIENT_ACCOUNT.CLIENT_ID).from(CLIENT_ACCOUNT).where(CLIENT_ACCOUNT.CLIENT_ID.eq(clientId)).forUpdate().fetch();
    }

    public record Payment(UUID paymentId, UUID clientId, UUID charterId, BigDecimal amount, BigDecimal fee, LocalDate receivedOn,
                          String method, String reference, BigDecimal applied, BigDecimal refunded, UUID entryId) {
        public BigDecimal unapplied() {
            return amount.subtract(applied).subtract(refunded);
        }
    }

    private static Payment toPayment(PaymentReceiptRecord r) {
        return new Payment(r.getPaymentId(), r.getClientId(), r.getCharterId(), r.getAmount(), r.getFee(), r.getReceivedOn(),
                r.getMethod(), r.getReference(), r.getApplied(), r.getRefunded(), r.getEntryId());
    }

    public Optional<Payment> find(DSLContext ctx, UUID paymentId) {
        return ctx.selectFrom(PAYMENT_RECEIPT).where(PAYMENT_RECEIPT.PAYMENT_ID.eq(paymentId)).fetchOptional(PaymentStore::toPayment);
    }

    public void insert(DSLContext tx, Payment p, String eventId, OffsetDateTime now) {
        tx.insertInto(PAYMENT_RECEIPT)
                .set(PAYMENT_RECEIPT.PAYMENT_ID, p.paymentId())
                .set(PAYMENT_RECEIPT.CLIENT_ID, p.clientId())
                .set(PAYMENT_RECEIPT.CHARTER_ID, p.charterId())
                .set(PAYMENT_RECEIPT.AMOUNT, p.amount())
                .set(PAYMENT_RECEIPT.FEE, p.fee())
                .set(PAYMENT_RECEIPT.RECEIVED_ON, p.receivedOn())
                .set(PAYMENT_RECEIPT.METHOD, p.method())
                .set(PAYMENT_RECEIPT.REFERENCE, p.reference())
                .set(PAYMENT_RECEIPT.APPLIED, p.applied())
                .set(PAYMENT_RECEIPT.REFUNDED, p.refunded())
                .set(PAYMENT_RECEIPT.EVENT_ID, eventId)
                .set(PAYMENT_RECEIPT.ENTRY_ID, p.entryId())
                .set(PAYMENT_RECEIPT.CREATED_AT, now)
                .execute();
    }

    /** Moves {@code appliedDelta} of the payment onto (> 0) or off (< 0) invoices, and {@code refundedDelta} out. */
    public void change(DSLContext tx, UUID paymentId, BigDecimal appliedDelta, BigDecimal refundedDelta) {
        tx.update(PAYMENT_RECEIPT)
                .set(PAYMENT_RECEIPT.APPLIED, PAYMENT_RECEIPT.APPLIED.plus(appliedDelta))
                .set(PAYMENT_RECEIPT.REFUNDED, PAYMENT_RECEIPT.REFUNDED.plus(refundedDelta))
                .where(PAYMENT_RECEIPT.PAYMENT_ID.eq(paymentId))
                .execute();
    }

    /** The client's payments with unapplied credit, oldest first. */
    public List<Payment> withCredit(DSLContext tx, UUID clientId) {
        return tx.selectFrom(PAYMENT_RECEIPT)
                .where(PAYMENT_RECEIPT.CLIENT_ID.eq(clientId),
                        PAYMENT_RECEIPT.AMOUNT.minus(PAYMENT_RECEIPT.APPLIED).minus(PAYMENT_RECEIPT.REFUNDED).gt(BigDecimal.ZERO))
                .orderBy(PAYMENT_RECEIPT.RECEIVED_ON, PAYMENT_RECEIPT.CREATED_AT, PAYMENT_RECEIPT.PAYMENT_ID)
                .fetch(PaymentStore::toPayment);
    }

    public List<Payment> ofClient(DSLContext ctx, ClientScope scope, UUID clientId) {
        return ctx.selectFrom(PAYMENT_RECEIPT)
                .where(PAYMENT_RECEIPT.CLIENT_ID.eq(clientId), scope.where(PAYMENT_RECEIPT.CLIENT_ID))
                .orderBy(PAYMENT_RECEIPT.RECEIVED_ON, PAYMENT_RECEIPT.CREATED_AT, PAYMENT_RECEIPT.PAYMENT_ID)
                .fetch(PaymentStore::toPayment);
    }

    public record Application(UUID id, UUID paymentId, UUID invoiceId, BigDecimal amount, LocalDate appliedOn, String source,
                              UUID entryId, OffsetDateTime createdAt) {
    }

    public void apply(DSLContext tx, UUID id, UUID paymentId, UUID invoiceId, UUID clientId, BigDecimal amount, LocalDate on, String source,
                      UUID entryId, OffsetDateTime now) {
        tx.insertInto(APPLICATION)
                .set(APPLICATION.ID, id)
                .set(APPLICATION.PAYMENT_ID, paymentId)
                .set(APPLICATION.INVOICE_ID, invoiceId)
                .set(APPLICATION.CLIENT_ID, clientId)
                .set(APPLICATION.AMOUNT, amount)
                .set(APPLICATION.APPLIED_ON, on)
                .set(APPLICATION.SOURCE, source)
                .set(APPLICATION.ENTRY_ID, entryId)
                .set(APPLICATION.CREATED_AT, now)
                .execute();
    }

    public List<Application> ofInvoice(DSLContext ctx, UUID invoiceId) {
        return ctx.selectFrom(APPLICATION).where(APPLICATION.INVOICE_ID.eq(invoiceId))
                .orderBy(APPLICATION.CREATED_AT, APPLICATION.ID)
                .fetch(r -> new Application(r.getId(), r.getPaymentId(), r.getInvoiceId(), r.getAmount(), r.getAppliedOn(), r.getSource(),
                        r.getEntryId(), r.getCreatedAt()));
    }

    public record Applied(UUID paymentId, UUID invoiceId, BigDecimal net) {
    }

    /** What the payment still has on each invoice (net > 0), the invoice it reached last first. */
    public List<Applied> netOfPayment(DSLContext tx, UUID paymentId) {
        var net = DSL.sum(APPLICATION.AMOUNT);
        return tx.select(APPLICATION.INVOICE_ID, net)
                .from(APPLICATION).where(APPLICATION.PAYMENT_ID.eq(paymentId))
                .groupBy(APPLICATION.INVOICE_ID)
                .having(net.gt(BigDecimal.ZERO))
                .orderBy(DSL.max(APPLICATION.CREATED_AT).desc(), APPLICATION.INVOICE_ID.desc())
                .fetch(r -> new Applied(paymentId, r.value1(), r.value2().setScale(2)));
    }

    /** What each payment still has on the invoice (net > 0), the payment that reached it last first. */
    public List<Applied> netOnInvoice(DSLContext tx, UUID invoiceId) {
        var net = DSL.sum(APPLICATION.AMOUNT);
        return tx.select(APPLICATION.PAYMENT_ID, net)
                .from(APPLICATION).where(APPLICATION.INVOICE_ID.eq(invoiceId))
                .groupBy(APPLICATION.PAYMENT_ID)
                .having(net.gt(BigDecimal.ZERO))
                .orderBy(DSL.max(APPLICATION.CREATED_AT).desc(), APPLICATION.PAYMENT_ID.desc())
                .fetch(r -> new Applied(r.value1(), invoiceId, r.value2().setScale(2)));
    }

    public record Refund(UUID refundId, UUID paymentId, BigDecimal amount, LocalDate refundedOn, UUID entryId) {
    }

    public Optional<Refund> findRefund(DSLContext ctx, UUID refundId) {
        return ctx.selectFrom(REFUND_RECEIPT).where(REFUND_RECEIPT.REFUND_ID.eq(refundId))
                .fetchOptional(r -> new Refund(r.getRefundId(), r.getPaymentId(), r.getAmount(), r.getRefundedOn(), r.getEntryId()));
    }

    public void insertRefund(DSLContext tx, UUID refundId, Payment p, BigDecimal amount, LocalDate on, String method, String reason,
                             String eventId, UUID entryId, OffsetDateTime now) {
        tx.insertInto(REFUND_RECEIPT)
                .set(REFUND_RECEIPT.REFUND_ID, refundId)
                .set(REFUND_RECEIPT.PAYMENT_ID, p.paymentId())
                .set(REFUND_RECEIPT.CLIENT_ID, p.clientId())
                .set(REFUND_RECEIPT.CHARTER_ID, p.charterId())
                .set(REFUND_RECEIPT.AMOUNT, amount)
                .set(REFUND_RECEIPT.REFUNDED_ON, on)
                .set(REFUND_RECEIPT.METHOD, method)
                .set(REFUND_RECEIPT.REASON, reason)
                .set(REFUND_RECEIPT.EVENT_ID, eventId)
                .set(REFUND_RECEIPT.ENTRY_ID, entryId)
                .set(REFUND_RECEIPT.CREATED_AT, now)
                .execute();
    }
}
