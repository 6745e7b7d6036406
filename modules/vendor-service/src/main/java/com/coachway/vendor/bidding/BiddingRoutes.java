package com.coachway.vendor.bidding;

import com.coachway.vendor.access.Roles;
import io.javalin.config.RoutesConfig;

public final class BiddingRoutes {
    private BiddingRoutes() {
    }

    public static void register(RoutesConfig r, BiddingHandler h) {
        r.get("/bid-requests", h::listRequests, Roles.READ_OWN);
        r.post("/bid-requests", h::open, Roles.MANAGE_VENDORS);
        r.get("/bid-requests/{id}", h::getRequest, Roles.READ_OWN);
        r.get("/bid-requests/{id}/bids", h::listBids, Roles.READ_OWN);
        r.post("/bid-requests/{id}/bids", h::placeBid, Roles.BID);
        r.get("/bid-requests/{id}/bids/{bid_id}", h::getBid, Roles.READ_OWN);
        r.post("/bid-requests/{id}/award", h::award, Roles.MANAGE_VENDORS);
    }
}
