package com.coachway.vendor.ratings;

import com.coachway.vendor.access.Roles;
import io.javalin.config.RoutesConfig;

public final class RatingRoutes {
    private RatingRoutes() {
    }

    public static void register(RoutesConfig r, RatingHandler h) {
        r.get("/vendors/{id}/ratings", h::list, Roles.READ_OWN);
        r.post("/vendors/{id}/ratings", h::create, Roles.STAFF);
        r.get("/vendors/{id}/performance", h::performance, Roles.READ_OWN);
    }
}
