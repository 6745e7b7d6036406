package com.coachway.vendor.bidding;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.IdempotencyKeys;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import com.coachway.vendor.access.VendorScope;
import io.javalin.http.Context;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Bid requests, bids and awards over HTTP: read the request, call one use case, write the answer. */
public final class BiddingHandler {
    private final BidRequestActions requests;
    private final BidActions bids;
    private final AwardActions awards;

    public BiddingHandler(BidRequestActions requests, BidActions bids, AwardActions awards) {
        this.requests = requests;
        this.bids = bids;
        this.awards = awards;
    }

    public void listRequests(Context ctx) {
        var q = Query.of(ctx);
        var filter = new BidRequestStore.Filter(q.string("status"), q.uuid("charter_id"), q.uuid("awarded_vendor_id"),
                VendorScope.of(ServiceApp.caller(ctx)));
        var page = q.page();
        q.validate();
        ctx.json(requests.list(filter, page));
    }

    public void getRequest(Context ctx) {
        ctx.json(requests.get(Ids.pathId(ctx, "id", "Bid request")));
    }

    public void open(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        var in = JsonInput.of(ctx);
        UUID charterId = in.requiredUuid("charter_id");
        String vehicleType = in.requiredString("vehicle_type");
        Integer quantity = in.optionalInt("quantity");
        OffsetDateTime pickupAt = in.optionalDateTime("pickup_at");
        OffsetDateTime returnAt = in.optionalDateTime("return_at");
        String summary = in.optionalString("summary");
        String state = in.optionalString("service_state");
        OffsetDateTime respondBy = in.requiredDateTime("respond_by");
        String key = IdempotencyKeys.read(ctx);
        in.validate();
        var opening = new BidRequestActions.Opening(charterId, vehicleType, quantity == null ? 1 : quantity, pickupAt,
                in.has("return_at"), returnAt, summary, state, respondBy);
        String fingerprint = IdempotencyKeys.fingerprint(charterId, vehicleType, opening.quantity(), instant(pickupAt),
                in.has("return_at"), instant(returnAt), summary, state, instant(respondBy));
        BidRequest opened = requests.open(caller, opening, key, fingerprint);
        ctx.status(201).header("Location", "/bid-requests/" + opened.id()).json(opened);
    }

    public void listBids(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID requestId = Ids.pathId(ctx, "id", "Bid request");
        var q = Query.of(ctx);
        String status = q.string("status");
        var page = q.page();
        q.validate();
        ctx.json(bids.list(VendorScope.of(caller), requestId, status, page));
    }

    public void getBid(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID requestId = Ids.pathId(ctx, "id", "Bid");
        UUID bidId = Ids.pathId(ctx, "bid_id", "Bid");
        ctx.json(bids.get(VendorScope.of(caller), requestId, bidId));
    }

    public void placeBid(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID requestId = Ids.pathId(ctx, "id", "Bid request");
        var in = JsonInput.of(ctx);
        BigDecimal amount = in.requiredDecimal("amount", 2);
        String vehicleType = in.requiredString("vehicle_type");
        String notes = in.optionalString("notes");
        String key = IdempotencyKeys.read(ctx);
        in.validate();
        String fingerprint = IdempotencyKeys.fingerprint(amount.stripTrailingZeros().toPlainString(), vehicleType, notes);
        var placed = bids.place(caller, requestId, new BidStore.Values(amount, vehicleType, notes), key, fingerprint);
        if (placed.created()) ctx.status(201).header("Location", "/bid-requests/" + requestId + "/bids/" + placed.bid().id());
        ctx.json(placed.bid());
    }

    public void award(Context ctx) {
        Caller caller = ServiceApp.caller(ctx);
        UUID requestId = Ids.pathId(ctx, "id", "Bid request");
        var in = JsonInput.of(ctx);
        UUID bidId = in.requiredUuid("bid_id");
        String key = IdempotencyKeys.read(ctx);
        in.validate();
        ctx.json(awards.award(caller, requestId, bidId, key, IdempotencyKeys.fingerprint(bidId)));
    }

    /** Times compared as instants, so the same moment written with another offset is the same request. */
    private static Object instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
