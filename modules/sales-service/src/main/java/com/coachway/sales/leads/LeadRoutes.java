package com.coachway.sales.leads;

import com.coachway.sales.access.Roles;
import io.javalin.config.RoutesConfig;

public final class LeadRoutes {
    private LeadRoutes() {
    }

    public static void register(RoutesConfig r, LeadHandler h) {
        r.get("/leads", h::list, Roles.SALES);
        r.post("/leads", h::create, Roles.SALES);
        r.get("/leads/{id}", h::get, Roles.SALES);
        r.patch("/leads/{id}", h::patch, Roles.SALES);
        r.post("/leads/{id}/assign", h::assign, Roles.SALES);
        r.post("/leads/{id}/convert", h::convert, Roles.SALES);
    }
}
