package com.coachway.finance.bills;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.finance.tables.records.BillRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.finance.Tables.BILL;
import static com.coachway.db.finance.Tables.BILL_PAYMENT;
import static com.coachway.db.finance.Tables.VENDOR_ACCOUNT;

/** The jOOQ queries of bills. Reads a request makes take its scope, so a vendor user never reads another vendor's bill. */
public final class BillStore {
    private static final Keyset BY_BILL_DATE = Keyset.of("bills", BILL.BILL_DATE.asc(), BILL.ID.asc());

    /** Holds the vendor's row FOR UPDATE until commit: whatever makes bills of one vendor runs one at a time. */
    public void lockVendor(DSLContext tx, UUID vendorId, OffsetDateTime now) {
        tx.insertInto(VENDOR_ACCOUNT).set(VENDOR_ACCOUNT.VENDOR_ID, vendorId).set(VENDOR_ACCOUNT.CREATED_AT, now)
                .onConflictDoNothing().execute();
        tx.select(VENDOR_ACCOUNT.VENDOR_ID).from(VENDOR_ACCOUNT).where(VENDOR_ACCOUNT.VENDOR_ID.eq(vendorId)).forUpdate().fetch();
    }

    public record NewBill(UUID id, String number, UUID vendorId, String vendorName, UUID charterId, UUID vendorPaymentId,
                          LocalDate billDate, LocalDate dueDate, BigDecimal amount, String memo, UUID entryId, String createdBy) {
    }

    public void insert(DSLContext tx, NewBill b, OffsetDateTime now) {
        tx.insertInto(BILL)
                .set(BILL.ID, b.id())
                .set(BILL.NUMBER, b.number())
                .set(BILL.VENDOR_ID, b.vendorId())
                .set(BILL.VENDOR_NAME, b.vendorName())
                .set(BILL.CHARTER_ID, b.charterId())
                .set(BILL.SOURCE_VENDOR_PAYMENT_ID, b.vendorPaymentId())
                .set(BILL.BILL_DATE, b.billDate())
                .set(BILL.DUE_DATE, b.dueDate())
                .set(BILL.AMOUNT, b.amount())
                .set(BILL.STATUS, Bill.OPEN)
                .set(BILL.MEMO, b.memo())
                .set(BILL.ENTRY_ID, b.entryId())
                .set(BILL.CREATED_BY, b.createdBy())
                .set(BILL.CREATED_AT, now)
                .set(BILL.UPDATED_AT, now)
                .execute();
    }

    public Optional<Bill> find(DSLContext ctx, VendorScope scope, UUID id) {
        return ctx.selectFrom(BILL).where(BILL.ID.eq(id), scope.where(BILL.VENDOR_ID)).fetchOptional(BillStore::toBill);
    }

    /** The bill held FOR UPDATE until commit: its payments run one at a time. */
    public Optional<Bill> lock(DSLContext tx, UUID id) {
        return tx.selectFrom(BILL).where(BILL.ID.eq(id)).forUpdate().fetchOptional(BillStore::toBill);
    }

    /** The bill made from this charter-service vendor payment, if any. */
    public Optional<Bill> ofVendorPayment(DSLContext ctx, UUID vendorPaymentId) {
        return ctx.selectFrom(BILL).where(BILL.SOURCE_VENDOR_PAYMENT_ID.eq(vendorPaymentId)).fetchOptional(BillStore::toBill);
    }

    /** The vendor's bill entered under its invoice number, if any. */
    public Optional<Bill> ofVendorNumber(DSLContext ctx, UUID vendorId, String number) {
        return ctx.selectFrom(BILL).where(BILL.VENDOR_ID.eq(vendorId), BILL.NUMBER.eq(number)).fetchOptional(BillStore::toBill);
    }

    public record Filter(UUID vendorId, UUID charterId, String status, LocalDate from, LocalDate to) {
    }

    public Page<Bill> list(DSLContext ctx, VendorScope scope, Filter f, PageRequest page) {
        Condition where = scope.where(BILL.VENDOR_ID);
        if (f.vendorId() != null) where = where.and(BILL.VENDOR_ID.eq(f.vendorId()));
        if (f.charterId() != null) where = where.and(BILL.CHARTER_ID.eq(f.charterId()));
        if (f.status() != null) where = where.and(BILL.STATUS.eq(f.status()));
        if (f.from() != null) where = where.and(BILL.BILL_DATE.ge(f.from()));
        if (f.to() != null) where = where.and(BILL.BILL_DATE.le(f.to()));
        int total = ctx.fetchCount(BILL, where);
        return BY_BILL_DATE.page(ctx.selectFrom(BILL).where(where), page, total, BillStore::toBill);
    }

    /**
     * The new paid amount (its payments written already) and the status that follows. Once paid in
     * full it is settled on its latest payment's date: from that day on, as of any date, nothing
     * is open (payments may be dated out of the order they were made in).
     */
    public void paid(DSLContext tx, Bill b, BigDecimal paid, OffsetDateTime now) {
        boolean settled = BillRules.balance(b.amount(), paid).signum() == 0;
        Field<LocalDate> lastPayment = DSL.select(DSL.max(BILL_PAYMENT.PAID_ON)).from(BILL_PAYMENT)
                .where(BILL_PAYMENT.BILL_ID.eq(b.id())).asField();
        tx.update(BILL)
                .set(BILL.PAID, paid)
                .set(BILL.STATUS, BillRules.status(b.amount(), paid))
                .set(BILL.SETTLED_ON, settled ? lastPayment : DSL.inline(null, BILL.SETTLED_ON))
                .set(BILL.UPDATED_AT, now)
                .set(BILL.VERSION, BILL.VERSION.plus(1))
                .where(BILL.ID.eq(b.id()))
                .execute();
    }

    private static Bill toBill(BillRecord r) {
        return new Bill(r.getId(), r.getNumber(), r.getVendorId(), r.getVendorName(), r.getCharterId(), r.getSourceVendorPaymentId(),
                r.getStatus(), r.getBillDate(), r.getDueDate(), r.getCurrency(), r.getAmount(), r.getPaid(),
                BillRules.balance(r.getAmount(), r.getPaid()), r.getSettledOn(), r.getMemo(), r.getEntryId(), r.getCreatedBy(),
                r.getCreatedAt(), r.getUpdatedAt(), r.getVersion());
    }
}
