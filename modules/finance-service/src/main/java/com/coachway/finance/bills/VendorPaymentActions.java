package com.coachway.finance.bills;

import com.coachway.common.http.Ids;
import com.coachway.finance.events.EventReceipts;
import com.coachway.finance.events.EventReceipts.Outcome;
import com.coachway.finance.events.EventReceipts.Result;
import com.coachway.finance.ledger.Ledger;
import com.coachway.finance.remote.VendorDirectory;
import com.coachway.finance.remote.VendorDirectory.VendorInfo;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * charter-service's vendor payments, as its outbox reports them (pending → approved → paid): the
 * first event of one makes its bill, whatever its status; {@code paid} pays what is open on it.
 * Events may come in any order (paid before pending makes the bill and pays it) and any number
 * of times: once per event id (EventReceipts) and per natural key (the bill's
 * source_vendor_payment_id, the payment's source), under the vendor's row lock. Each is booked on
 * its {@code changed_at} date in TZ, or the first day of the next open month when that one is closed.
 */
public final class VendorPaymentActions {
    private static final Logger log = LoggerFactory.getLogger(VendorPaymentActions.class);
    public static final String TOPIC = "vendor_payment.changed";
    public static final String PAID = "paid";
    /** A bill payment made by finance itself, not by a user. */
    static final String BY = "finance-service";

    private final DSLContext dsl;
    private final EventReceipts receipts;
    private final BillStore bills;
    private final BillPaymentStore payments;
    private final Payables payables;
    private final Ledger ledger;
    private final VendorDirectory vendors;
    private final ZoneId zone;

    public VendorPaymentActions(DSLContext dsl, EventReceipts receipts, BillStore bills, BillPaymentStore payments, Payables payables,
                                Ledger ledger, VendorDirectory vendors, ZoneId zone) {
        this.dsl = dsl;
        this.receipts = receipts;
        this.bills = bills;
        this.payments = payments;
        this.payables = payables;
        this.ledger = ledger;
        this.vendors = vendors;
        this.zone = zone;
    }

    public record VendorPaymentChanged(UUID vendorPaymentId, UUID charterId, UUID vendorId, BigDecimal amount, LocalDate dueDate,
                                       String status, OffsetDateTime changedAt) {
    }

    static String paidSource(UUID vendorPaymentId) {
        return "vendor_payment:" + vendorPaymentId + ":" + PAID;
    }

    /**
     * Answers {@code applied} when this event wrote something (the bill, its payment, or both; the
     * entry is the last one posted), {@code duplicate} with the entry of what it asked for when
     * that was there already.
     */
    public Result changed(String eventId, VendorPaymentChanged e) {
        // the vendor's name is read only for a bill still to be made, before any transaction: a
        // vendor-service that is down is a 503 and the sender's outbox tries again later
        String vendorName = bills.ofVendorPayment(dsl, e.vendorPaymentId()).isPresent() ? null : vendorName(e.vendorId());
        LocalDate day = e.changedAt().atZoneSameInstant(zone).toLocalDate();
        Result r = receipts.once(eventId, TOPIC, tx -> {
            payables.lockVendor(tx, e.vendorId());
            var existing = bills.ofVendorPayment(tx, e.vendorPaymentId());
            Bill bill = existing.orElseGet(() -> newBill(tx, e, vendorName, day));
            boolean wrote = existing.isEmpty();
            if (existing.isPresent() && existing.get().amount().compareTo(e.amount()) != 0) {
                log.warn("vendor payment {} now says {}; its bill {} keeps {}", e.vendorPaymentId(), e.amount(), bill.id(), bill.amount());
            }
            if (!PAID.equals(e.status())) return wrote ? Outcome.applied(bill.entryId()) : Outcome.duplicate(bill.entryId());
            var seen = payments.bySource(tx, paidSource(e.vendorPaymentId()));
            if (seen.isPresent()) return Outcome.duplicate(seen.get().entryId());
            Bill locked = bills.lock(tx, bill.id()).orElseThrow();
            // paid by hand in full already: nothing is left for this event to pay
            if (locked.balance().signum() == 0) return wrote ? Outcome.applied(bill.entryId()) : Outcome.duplicate(bill.entryId());
            LocalDate on = ledger.eventDate(tx, BillRules.eventPaymentDay(day, locked.billDate()));
            var payment = payables.pay(tx, locked, new Payables.PaymentDraft(Ids.newId(), locked.balance(), on, "other", null,
                    paidSource(e.vendorPaymentId()), BY));
            return Outcome.applied(payment.entryId());
        });
        log.info("event {} vendor payment {} ({}) of {} for vendor {}: {}", eventId, e.vendorPaymentId(), e.status(), e.amount(),
                e.vendorId(), r.status());
        return r;
    }

    private Bill newBill(DSLContext tx, VendorPaymentChanged e, String vendorName, LocalDate day) {
        LocalDate on = ledger.eventDate(tx, day);
        return payables.book(tx, new Payables.BillDraft(Ids.newId(), null, e.vendorId(), vendorName, e.charterId(), e.vendorPaymentId(),
                on, e.dueDate(), e.amount(), "Vendor payment " + e.vendorPaymentId(), BY));
    }

    /**
     * A vendor vendor-service does not know still gets its bill (charter-service recorded what is
     * owed; an event is never refused for ever), without a name.
     */
    private String vendorName(UUID vendorId) {
        var vendor = vendors.vendor(vendorId);
        if (vendor.isEmpty()) log.warn("vendor {} is unknown to vendor-service; its bill has no vendor name", vendorId);
        return vendor.map(VendorInfo::name).orElse(null);
    }
}
