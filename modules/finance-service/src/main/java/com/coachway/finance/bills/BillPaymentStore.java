package com.coachway.finance.bills;

import com.coachway.db.finance.tables.records.BillPaymentRecord;
import org.jooq.DSLContext;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.finance.Tables.BILL_PAYMENT;

/** The jOOQ queries of bill payments. */
public final class BillPaymentStore {
    public void insert(DSLContext tx, BillPayment p) {
        tx.insertInto(BILL_PAYMENT)
                .set(BILL_PAYMENT.ID, p.id())
                .set(BILL_PAYMENT.BILL_ID, p.billId())
                .set(BILL_PAYMENT.VENDOR_ID, p.vendorId())
                .set(BILL_PAYMENT.AMOUNT, p.amount())
                .set(BILL_PAYMENT.PAID_ON, p.paidOn())
                .set(BILL_PAYMENT.METHOD, p.method())
                .set(BILL_PAYMENT.REFERENCE, p.reference())
                .set(BILL_PAYMENT.SOURCE, p.source())
                .set(BILL_PAYMENT.ENTRY_ID, p.entryId())
                .set(BILL_PAYMENT.CREATED_BY, p.createdBy())
                .set(BILL_PAYMENT.CREATED_AT, p.createdAt())
                .execute();
    }

    public Optional<BillPayment> find(DSLContext ctx, UUID id) {
        return ctx.selectFrom(BILL_PAYMENT).where(BILL_PAYMENT.ID.eq(id)).fetchOptional(BillPaymentStore::toPayment);
    }

    /** The payment made by {@code source} (e.g. a vendor payment's paid event), if any. */
    public Optional<BillPayment> bySource(DSLContext ctx, String source) {
        return ctx.selectFrom(BILL_PAYMENT).where(BILL_PAYMENT.SOURCE.eq(source)).fetchOptional(BillPaymentStore::toPayment);
    }

    public List<BillPayment> ofBill(DSLContext ctx, UUID billId) {
        return ctx.selectFrom(BILL_PAYMENT).where(BILL_PAYMENT.BILL_ID.eq(billId)).orderBy(BILL_PAYMENT.PAID_ON, BILL_PAYMENT.CREATED_AT,
                BILL_PAYMENT.ID).fetch(BillPaymentStore::toPayment);
    }

    private static BillPayment toPayment(BillPaymentRecord r) {
        return new BillPayment(r.getId(), r.getBillId(), r.getVendorId(), r.getAmount(), r.getPaidOn(), r.getMethod(), r.getReference(),
                r.getSource(), r.getEntryId(), r.getCreatedBy(), r.getCreatedAt());
    }
}
