package com.coachway.portals.vendor;

import com.coachway.common.http.IdempotencyKeys;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.portals.access.PortalUsers;
import com.coachway.portals.downstream.Paging;
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
        var paging = Paging.read(q, Query.DEFAULT_LIMIT);
        ctx.json(actions.bidRequests(user, status == null ? "open" : status, paging));
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
        var paging = Paging.read(q, VendorActions.CLOSED_REQUESTS);
        ctx.json(actions.trips(user, Boolean.TRUE.equals(upcoming), paging));
    }

    public void payments(Context ctx) {
        var user = PortalUsers.vendor(ctx);
        var q = Query.of(ctx);
        String status = q.string("status");
        var paging = Paging.read(q, Query.DEFAULT_LIMIT);
        ctx.json(actions.bills(user, status, paging));
    }

    public void compliance(Context ctx) {
        ctx.json(actions.compliance(PortalUsers.vendor(ctx)));
    }
}
