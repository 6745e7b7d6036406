package com.coachway.vendor.vendors;

import com.coachway.vendor.access.Roles;
import io.javalin.config.RoutesConfig;

public final class VendorRoutes {
    private VendorRoutes() {
    }

    public static void register(RoutesConfig r, VendorHandler h) {
        r.get("/vendors", h::list, Roles.STAFF);
        r.post("/vendors", h::create, Roles.MANAGE_VENDORS);
        r.get("/vendors/{id}", h::get, Roles.READ_VENDOR);
        r.patch("/vendors/{id}", h::update, Roles.MANAGE_VENDORS);
    }
}
