package com.coachway.finance.bills;

import com.coachway.finance.access.Roles;
import io.javalin.config.RoutesConfig;

public final class BillRoutes {
    private BillRoutes() {
    }

    public static void register(RoutesConfig r, BillHandler h) {
        r.get("/bills", h::list, Roles.READ_VENDOR);
        r.post("/bills", h::create, Roles.WRITE);
        r.get("/bills/{id}", h::get, Roles.READ_VENDOR);
        r.get("/bills/{id}/payments", h::payments, Roles.READ_VENDOR);
        r.post("/bills/{id}/payments", h::pay, Roles.WRITE);
        // with the other /events receivers' role; its work is the payables'
        r.post("/events/vendor-payment", h::vendorPaymentChanged, Roles.EVENTS);
    }
}
