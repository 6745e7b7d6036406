package com.coachway.portals.vendor;

import com.coachway.portals.access.Roles;
import io.javalin.config.RoutesConfig;

public final class VendorRoutes {
    private VendorRoutes() {
    }

    public static void register(RoutesConfig r, VendorHandler h) {
        r.get("/vendor/overview", h::overview, Roles.VENDOR);
        r.get("/vendor/bid-requests", h::bidRequests, Roles.VENDOR);
        r.post("/vendor/bid-requests/{id}/bids", h::bid, Roles.VENDOR);
        r.get("/vendor/trips", h::trips, Roles.VENDOR);
        r.get("/vendor/payments", h::payments, Roles.VENDOR);
        r.get("/vendor/compliance", h::compliance, Roles.VENDOR);
    }
}
