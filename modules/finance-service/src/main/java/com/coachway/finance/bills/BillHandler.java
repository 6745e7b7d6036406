package com.coachway.finance.bills;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.IdempotencyKeys;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import io.javalin.http.Context;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** Bills, bill payments and the vendor payment events over HTTP: read the request, call one use case, write the answer. */
public final class BillHandler {
    private final BillActions bills;
    private final VendorPaymentActions vendorPayments;

    public BillHandler(BillActions bills, VendorPaymentActions vendorPayments) {
        this.bills = bills;
        this.vendorPayments = vendorPayments;
    }

    private static VendorScope scope(Context ctx) {
        return VendorScope.of(ServiceApp.caller(ctx));
    }

    private static String money(BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros().toPlainString();
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        var filter = new BillStore.Filter(q.uuid("vendor_id"), q.uuid("charter_id"), q.string("status"), q.date("from"), q.date("to"));
        var page = q.page();
        q.validate();
        ctx.json(bills.list(scope(ctx), filter, page));
    }

    public void get(Context ctx) {
        ctx.json(bills.get(scope(ctx), Ids.pathId(ctx, "id", "Bill")));
    }

    public void create(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        var in = JsonInput.of(ctx);
        var b = new BillActions.NewBill(in.requiredUuid("vendor_id"), in.optionalUuid("charter_id"), in.optionalString("number"),
                in.requiredDate("bill_date"), in.requiredDate("due_date"), in.requiredDecimal("amount", 2), in.optionalString("memo"));
        String key = IdempotencyKeys.read(ctx);
        if (key == null) in.error("Idempotency-Key", "header is required for a bill");
        in.validate();
        var bill = bills.create(caller, b, key, IdempotencyKeys.fingerprint(b.vendorId(), b.charterId(), b.number(), b.billDate(),
                b.dueDate(), money(b.amount()), b.memo()));
        ctx.status(201).header("Location", "/bills/" + bill.id()).json(bill);
    }

    public void payments(Context ctx) {
        ctx.json(Map.of("items", bills.payments(scope(ctx), Ids.pathId(ctx, "id", "Bill"))));
    }

    public void pay(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID id = Ids.pathId(ctx, "id", "Bill");
        var in = JsonInput.of(ctx);
        var p = new BillActions.NewPayment(in.requiredDecimal("amount", 2), in.requiredDate("paid_on"), in.requiredString("method"),
                in.optionalString("reference"));
        String key = IdempotencyKeys.read(ctx);
        if (key == null) in.error("Idempotency-Key", "header is required for a bill payment");
        in.validate();
        var payment = bills.pay(caller, id, p, key, IdempotencyKeys.fingerprint(id, money(p.amount()), p.paidOn(), p.method(), p.reference()));
        ctx.status(201).header("Location", "/bills/" + id + "/payments").json(payment);
    }

    /** POST /events/vendor-payment: the Idempotency-Key is charter-service's outbox event id, and is required. */
    public void vendorPaymentChanged(Context ctx) {
        var in = JsonInput.of(ctx);
        var e = new VendorPaymentActions.VendorPaymentChanged(in.requiredUuid("vendor_payment_id"), in.requiredUuid("charter_id"),
                in.requiredUuid("vendor_id"), in.requiredDecimal("amount", 2), in.requiredDate("due_date"), in.requiredString("status"),
                in.requiredDateTime("changed_at"));
        String eventId = IdempotencyKeys.read(ctx);
        if (eventId == null) in.error("Idempotency-Key", "header is required: the sender's outbox event id");
        in.validate();
        ctx.json(vendorPayments.changed(eventId, e));
    }
}
