package com.coachway.finance.bills;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.common.idempotency.RequestKeyStore;
import com.coachway.finance.remote.VendorDirectory;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Vendor bills entered by an accountant and the payments made on them. The vendor is read from
 * vendor-service before the transaction; a bill is made under the vendor's row lock (so one
 * vendor invoice number makes one bill), a payment under the bill's row lock (so payments made
 * at once never pay more than the bill). Both once per Idempotency-Key.
 */
public final class BillActions {
    private static final Logger log = LoggerFactory.getLogger(BillActions.class);
    static final String CREATE = "bill";
    static final String PAY = "bill_payment";

    private final DSLContext dsl;
    private final BillStore bills;
    private final BillPaymentStore payments;
    private final Payables payables;
    private final RequestKeyStore keys;
    private final VendorDirectory vendors;
    private final ZoneId zone;
    private final Clock clock;

    public BillActions(DSLContext dsl, BillStore bills, BillPaymentStore payments, Payables payables, RequestKeyStore keys,
                       VendorDirectory vendors, ZoneId zone, Clock clock) {
        this.dsl = dsl;
        this.bills = bills;
        this.payments = payments;
        this.payables = payables;
        this.keys = keys;
        this.vendors = vendors;
        this.zone = zone;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public Page<Bill> list(VendorScope scope, BillStore.Filter filter, PageRequest page) {
        return bills.list(dsl, scope, filter, page);
    }

    public Bill get(VendorScope scope, UUID id) {
        return bills.find(dsl, scope, id).orElseThrow(() -> ApiException.notFound("Bill"));
    }

    public List<BillPayment> payments(VendorScope scope, UUID id) {
        get(scope, id);
        return payments.ofBill(dsl, id);
    }

    public record NewBill(UUID vendorId, UUID charterId, String number, LocalDate billDate, LocalDate dueDate, BigDecimal amount,
                          String memo) {
    }

    public Bill create(Caller caller, NewBill b, String key, String fingerprint) {
        var problems = new ArrayList<FieldError>();
        LocalDate today = today();
        if (b.billDate().isAfter(today)) problems.add(new FieldError("bill_date", "cannot be after today (" + today + ")"));
        if (b.dueDate().isBefore(b.billDate())) problems.add(new FieldError("due_date", "cannot be before bill_date (" + b.billDate() + ")"));
        if (!problems.isEmpty()) throw ApiException.validation(problems);
        // a retry answers the first bill even while vendor-service is away
        var retried = keys.earlier(dsl, caller.subject(), CREATE, key, fingerprint);
        if (retried.isPresent()) return get(VendorScope.all(), retried.get());
        var vendor = vendors.vendor(b.vendorId()).orElseThrow(() -> ApiException.validation(
                List.of(new FieldError("vendor_id", "is not a vendor known to vendor-service"))));

        UUID id = Ids.newId();
        Bill made = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            payables.lockVendor(tx, b.vendorId());
            var earlier = keys.earlier(tx, caller.subject(), CREATE, key, fingerprint);
            if (earlier.isPresent()) return bills.find(tx, VendorScope.all(), earlier.get()).orElseThrow();
            if (b.number() != null) {
                bills.ofVendorNumber(tx, b.vendorId(), b.number()).ifPresent(dup -> {
                    throw ApiException.conflict("The vendor's invoice " + b.number() + " is bill " + dup.id() + " already");
                });
            }
            Bill bill = payables.book(tx, new Payables.BillDraft(id, b.number(), b.vendorId(), vendor.name(), b.charterId(), null,
                    b.billDate(), b.dueDate(), b.amount(), b.memo(), caller.subject()));
            keys.remember(tx, caller.subject(), CREATE, key, fingerprint, id, OffsetDateTime.now(clock));
            return bill;
        });
        if (made.id().equals(id)) log.info("bill {} of {} from vendor {} entered by {}", id, b.amount(), b.vendorId(), caller.subject());
        return made;
    }

    public record NewPayment(BigDecimal amount, LocalDate paidOn, String method, String reference) {
    }

    public BillPayment pay(Caller caller, UUID billId, NewPayment p, String key, String fingerprint) {
        LocalDate today = today();
        if (p.paidOn().isAfter(today)) {
            throw ApiException.validation(List.of(new FieldError("paid_on", "cannot be after today (" + today + ")")));
        }
        Bill found = get(VendorScope.all(), billId);
        if (p.paidOn().isBefore(found.billDate())) {
            throw ApiException.validation(List.of(new FieldError("paid_on", "cannot be before the bill's date (" + found.billDate() + ")")));
        }
        UUID id = Ids.newId();
        BillPayment made = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            Bill bill = bills.lock(tx, billId).orElseThrow(() -> ApiException.notFound("Bill"));
            var earlier = keys.earlier(tx, caller.subject(), PAY, key, fingerprint);
            if (earlier.isPresent()) return payments.find(tx, earlier.get()).orElseThrow();
            BillRules.paymentRefusal(bill.balance(), p.amount()).ifPresent(why -> {
                throw ApiException.conflict(why);
            });
            var payment = payables.pay(tx, bill, new Payables.PaymentDraft(id, p.amount(), p.paidOn(), p.method(), p.reference(), null,
                    caller.subject()));
            keys.remember(tx, caller.subject(), PAY, key, fingerprint, id, OffsetDateTime.now(clock));
            return payment;
        });
        if (made.id().equals(id)) log.info("bill {} paid {} on {} ({}) by {}", billId, p.amount(), p.paidOn(), p.method(), caller.subject());
        return made;
    }
}
