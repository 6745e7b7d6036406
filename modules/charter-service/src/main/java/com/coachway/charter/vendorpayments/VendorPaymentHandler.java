package com.coachway.charter.vendorpayments;

import com.coachway.common.auth.Caller;
import com.coachway.common.auth.ClientScope;
import com.coachway.common.http.IdempotencyKeys;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import io.javalin.http.Context;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Vendor payments over HTTP: read the request, call one {@link VendorPaymentActions} use case, write the answer. */
public final class VendorPaymentHandler {

    private final VendorPaymentActions actions;

    public VendorPaymentHandler(VendorPaymentActions actions) {
        this.actions = actions;
    }

    public void list(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID charterId = Ids.pathId(ctx, "id", "Charter");
        var q = Query.of(ctx);
        var page = q.page();
        q.validate();
        ctx.json(actions.list(ClientScope.of(caller), charterId, page));
    }

    public void create(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID charterId = Ids.pathId(ctx, "id", "Charter");
        var in = JsonInput.of(ctx);
        UUID vendorId = in.requiredUuid("vendor_id");
        BigDecimal amount = in.requiredDecimal("amount", 2);
        LocalDate dueDate = in.requiredDate("due_date");
        String notes = in.optionalString("notes");
        if (dueDate != null && (dueDate.getYear() < 2000 || dueDate.getYear() >= 2100)) in.error("due_date", "must be between 2000 and 2100");
        String key = IdempotencyKeys.read(ctx);
        in.validate();
        String fingerprint = IdempotencyKeys.fingerprint(vendorId, amount.stripTrailingZeros().toPlainString(), dueDate, notes);

        VendorPayment recorded = actions.create(caller, ClientScope.of(caller), charterId,
                new VendorPaymentActions.NewPayment(vendorId, amount, dueDate, notes), key, fingerprint);
        ctx.status(201).header("Location", "/vendor-payments/" + recorded.id()).json(recorded);
    }

    /** POST /charters/{id}/award: the vendor and what it is owed, at once; the key is required. */
    public void award(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID charterId = Ids.pathId(ctx, "id", "Charter");
        var in = JsonInput.of(ctx);
        UUID vendorId = in.requiredUuid("vendor_id");
        UUID bidId = in.requiredUuid("bid_id");
        BigDecimal amount = in.requiredDecimal("amount", 2);
        LocalDate dueDate = in.requiredDate("due_date");
        String notes = in.optionalString("notes");
        String key = IdempotencyKeys.read(ctx);
        in.validate();
        String fingerprint = IdempotencyKeys.fingerprint(vendorId, bidId, amount.stripTrailingZeros().toPlainString(), dueDate, notes);

        VendorPayment recorded = actions.award(caller, charterId,
                new VendorPaymentActions.Award(vendorId, bidId, amount, dueDate, notes), key, fingerprint);
        ctx.status(201).header("Location", "/vendor-payments/" + recorded.id()).json(recorded);
    }

    public void update(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID id = Ids.pathId(ctx, "id", "Vendor payment");
        var in = JsonInput.of(ctx);
        Integer version = in.requiredInt("version");
        String status = in.requiredString("status");
        in.validate();
        ctx.json(actions.advance(caller, id, version, VendorPaymentStatus.of(status)));
    }
}
