package com.coachway.finance.bills;

import com.coachway.finance.ledger.Account;
import com.coachway.finance.ledger.Dims;
import com.coachway.finance.ledger.EntryDraft;
import com.coachway.finance.ledger.Ledger;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The payables' bookkeeping, for bills entered by hand and bills made from vendor payments
 * alike: a bill with its journal entry (Dr cost_of_charter_services / Cr accounts_payable), and a
 * payment on a bill with its entry (Dr accounts_payable / Cr cash) and the bill's new totals.
 * Always inside the caller's transaction, after its locks (the vendor's for a bill, the bill's
 * row for a payment), so the document and its entry commit together.
 */
public final class Payables {
    public static final String BILL = "bill";
    public static final String BILL_PAYMENT = "bill_payment";

    private final BillStore bills;
    private final BillPaymentStore payments;
    private final Ledger ledger;
    private final Clock clock;

    public Payables(BillStore bills, BillPaymentStore payments, Ledger ledger, Clock clock) {
        this.bills = bills;
        this.payments = payments;
        this.ledger = ledger;
        this.clock = clock;
    }

    public void lockVendor(DSLContext tx, UUID vendorId) {
        bills.lockVendor(tx, vendorId, OffsetDateTime.now(clock));
    }

    private static Dims dims(UUID vendorId, UUID charterId, UUID billId) {
        return Dims.vendor(vendorId).withCharter(charterId).withBill(billId);
    }

    private static String named(String number, UUID id) {
        return number == null ? id.toString() : number;
    }

    /** What a new bill says; its id is chosen by the caller, so a retry's answer can be recognised. */
    public record BillDraft(UUID id, String number, UUID vendorId, String vendorName, UUID charterId, UUID vendorPaymentId,
                            LocalDate billDate, LocalDate dueDate, BigDecimal amount, String memo, String by) {
    }

    /** Books the bill on its bill date: 409 when that month is closed. */
    public Bill book(DSLContext tx, BillDraft d) {
        Dims dims = dims(d.vendorId(), d.charterId(), d.id());
        var entry = ledger.post(tx, EntryDraft.of(d.billDate(), BILL, d.id()).createdBy(d.by())
                .memo("Bill " + named(d.number(), d.id()) + " from " + (d.vendorName() == null ? "vendor " + d.vendorId() : d.vendorName()))
                .debit(Account.COST_OF_CHARTER_SERVICES, d.amount(), dims)
                .credit(Account.ACCOUNTS_PAYABLE, d.amount(), dims));
        bills.insert(tx, new BillStore.NewBill(d.id(), d.number(), d.vendorId(), d.vendorName(), d.charterId(), d.vendorPaymentId(),
                d.billDate(), d.dueDate(), d.amount(), d.memo(), entry.id(), d.by()), OffsetDateTime.now(clock));
        return bills.find(tx, VendorScope.all(), d.id()).orElseThrow();
    }

    public record PaymentDraft(UUID id, BigDecimal amount, LocalDate paidOn, String method, String reference, String source, String by) {
    }

    /**
     * Pays {@code p.amount()} of the bill, which the caller holds locked and has checked the
     * amount against ({@link BillRules#paymentRefusal}). 409 when {@code paidOn}'s month is closed.
     */
    public BillPayment pay(DSLContext tx, Bill locked, PaymentDraft p) {
        Dims dims = dims(locked.vendorId(), locked.charterId(), locked.id());
        var entry = ledger.post(tx, EntryDraft.of(p.paidOn(), BILL_PAYMENT, p.id()).createdBy(p.by())
                .memo("Payment of bill " + named(locked.number(), locked.id()) + " (" + p.method() + ")")
                .debit(Account.ACCOUNTS_PAYABLE, p.amount(), dims)
                .credit(Account.CASH, p.amount(), dims));
        OffsetDateTime now = OffsetDateTime.now(clock);
        var payment = new BillPayment(p.id(), locked.id(), locked.vendorId(), p.amount(), p.paidOn(), p.method(), p.reference(), p.source(),
                entry.id(), p.by(), now);
        payments.insert(tx, payment);
        bills.paid(tx, locked, locked.paid().add(p.amount()), now);
        return payments.find(tx, p.id()).orElseThrow();
    }
}
