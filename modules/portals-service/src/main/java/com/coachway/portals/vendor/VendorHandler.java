package com.coachway.portals.vendor;

import com.coachway.common.http.IdempotencyKeys;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.portals.access.PortalUsers;
import io.javalin.http.Context;

import java.util.UUID;

/** The vendor portal over HTTP: read the request, call one use case, write the answer. */
public final class VendorHandler {
    private final VendorActions actions;

    public VendorHandler(VendorActions actions) {
        this.actions = actions;
    }

    public void overview(Context ctx) {
        ctx.json(actions.overview(PortalUsers.vendor(ctx)));
    }

    public void bidRequests(Context ctx) {
        var user = PortalUsers.vendor(ctx);
        var q = Query.of(ctx);
        String status = q.string("status");
        int limit = q.integer("limit", Query.DEFAULT_LIMIT);
        String after = q.string("after");
        q.validate();
        ctx.json(actions.bidRequests(user, status == null ? "open" : status, limit, after));
    }

    public void bid(Context ctx) {
        var user = PortalUsers.vendor(ctx);
        UUID requestId = Ids.pathId(ctx, "id", "Bid request");
        var in = JsonInput.of(ctx);
        var amount = in.requiredDecimal("amount", 2);
        String vehicleType = in.requiredString("vehicle_type");
        String notes = in.optionalString("notes");
        in.validate();
        var placed = actions.bid(user, requestId, new VendorActions.BidInput(amount, vehicleType, notes), IdempotencyKeys.read(ctx));
        ctx.status(placed.created() ? 201 : 200).json(placed.bid());
    }

    public void trips(Context ctx) {
        var user = PortalUsers.vendor(ctx);
        var q = Query.of(ctx);
        Boolean upcoming = q.bool("upcoming");
        q.validate();
        ctx.json(actions.trips(user, Boolean.TRUE.equals(upcoming)));
    }

    public void payments(Context ctx) {
        var user = PortalUsers.vendor(ctx);
        var q = Query.of(ctx);
        String status = q.string("status");
        int limit = q.integer("limit", Query.DEFAULT_LIMIT);
        String after = q.string("after");
        q.validate();
        ctx.json(actions.bills(user, status, limit, after));
    }

    public void compliance(Context ctx) {
        ctx.json(actions.compliance(PortalUsers.vendor(ctx)));
    }
}
