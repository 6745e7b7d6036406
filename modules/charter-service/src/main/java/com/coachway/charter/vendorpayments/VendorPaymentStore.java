package com.coachway.charter.vendorpayments;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.charter.tables.records.VendorPaymentsRecord;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.charter.Tables.VENDOR_PAYMENTS;

/** The jOOQ queries for vendor payments. Every method runs on the DSLContext it is given: the pool's, or a transaction's own. */
public final class VendorPaymentStore {

    private static VendorPayment toPayment(Record r) {
        return new VendorPayment(r.get(VENDOR_PAYMENTS.ID), r.get(VENDOR_PAYMENTS.CHARTER_ID), r.get(VENDOR_PAYMENTS.VENDOR_ID),
                r.get(VENDOR_PAYMENTS.AMOUNT), r.get(VENDOR_PAYMENTS.DUE_DATE), r.get(VENDOR_PAYMENTS.NOTES),
                r.get(VENDOR_PAYMENTS.STATUS), r.get(VENDOR_PAYMENTS.APPROVED_AT), r.get(VENDOR_PAYMENTS.APPROVED_BY),
                r.get(VENDOR_PAYMENTS.PAID_AT), r.get(VENDOR_PAYMENTS.PAID_BY), r.get(VENDOR_PAYMENTS.VERSION),
                r.get(VENDOR_PAYMENTS.CREATED_AT), r.get(VENDOR_PAYMENTS.UPDATED_AT));
    }

    public Optional<VendorPayment> find(DSLContext tx, UUID id) {
        return tx.selectFrom(VENDOR_PAYMENTS).where(VENDOR_PAYMENTS.ID.eq(id)).fetchOptional(VendorPaymentStore::toPayment);
    }

    public Optional<VendorPayment> lock(DSLContext tx, UUID id) {
        return tx.selectFrom(VENDOR_PAYMENTS).where(VENDOR_PAYMENTS.ID.eq(id)).forUpdate().fetchOptional(VendorPaymentStore::toPayment);
    }

    private static final Keyset BY_DUE_DATE = Keyset.of("vendor-payments", VENDOR_PAYMENTS.DUE_DATE.asc(), VENDOR_PAYMENTS.ID.asc());

    public Page<VendorPayment> list(DSLContext ctx, UUID charterId, PageRequest page) {
        var where = VENDOR_PAYMENTS.CHARTER_ID.eq(charterId);
        int total = ctx.fetchCount(VENDOR_PAYMENTS, where);
        return BY_DUE_DATE.page(ctx.selectFrom(VENDOR_PAYMENTS).where(where), page, total, VendorPaymentStore::toPayment);
    }

    public record Keyed(UUID id, String fingerprint) {
    }

    /** The payment recorded on this charter under this Idempotency-Key, if any. */
    public Optional<Keyed> byKey(DSLContext tx, UUID charterId, String key) {
        return tx.select(VENDOR_PAYMENTS.ID, VENDOR_PAYMENTS.REQUEST_FINGERPRINT).from(VENDOR_PAYMENTS)
                .where(VENDOR_PAYMENTS.CHARTER_ID.eq(charterId), VENDOR_PAYMENTS.IDEMPOTENCY_KEY.eq(key))
                .fetchOptional(r -> new Keyed(r.value1(), r.value2()));
    }

    public void insert(DSLContext tx, UUID id, UUID charterId, UUID vendorId, BigDecimal amount, LocalDate dueDate,
                       String notes, String idempotencyKey, String fingerprint, String createdBy, OffsetDateTime now) {
        var row = new VendorPaymentsRecord();
        row.setId(id);
        row.setCharterId(charterId);
        row.setVendorId(vendorId);
        row.setAmount(amount);
        row.setDueDate(dueDate);
        row.setNotes(notes);
        row.setStatus(VendorPaymentStatus.PENDING.code());
        row.setIdempotencyKey(idempotencyKey);
        row.setRequestFingerprint(idempotencyKey == null ? null : fingerprint);
        row.setCreatedBy(createdBy);
        row.setCreatedAt(now);
        row.setUpdatedAt(now);
        tx.insertInto(VENDOR_PAYMENTS).set(row).execute();
    }

    /** Moves the payment on (the caller checked the step), recording who did it and when. */
    public void advance(DSLContext tx, UUID id, VendorPaymentStatus to, String actor, OffsetDateTime now) {
        var row = new VendorPaymentsRecord();
        row.setStatus(to.code());
        if (to == VendorPaymentStatus.APPROVED) {
            row.setApprovedAt(now);
            row.setApprovedBy(actor);
        }
        if (to == VendorPaymentStatus.PAID) {
            row.setPaidAt(now);
            row.setPaidBy(actor);
        }
        row.setUpdatedAt(now);
        tx.update(VENDOR_PAYMENTS).set(row).set(VENDOR_PAYMENTS.VERSION, VENDOR_PAYMENTS.VERSION.plus(1))
                .where(VENDOR_PAYMENTS.ID.eq(id))
                .execute();
    }
}
