package com.coachway.charter.vendorpayments;

import com.coachway.charter.access.Roles;
import io.javalin.config.RoutesConfig;

public final class VendorPaymentRoutes {
    private VendorPaymentRoutes() {
    }

    public static void register(RoutesConfig r, VendorPaymentHandler h) {
        r.get("/charters/{id}/vendor-payments", h::list, Roles.STAFF);
        r.post("/charters/{id}/vendor-payments", h::create, Roles.RECORD_VENDOR_PAYMENTS);
        r.post("/charters/{id}/award", h::award, Roles.AWARD);
        r.patch("/vendor-payments/{id}", h::update, Roles.RELEASE_VENDOR_PAYMENTS);
    }
}
