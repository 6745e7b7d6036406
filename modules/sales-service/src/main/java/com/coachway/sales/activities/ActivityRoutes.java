package com.coachway.sales.activities;

import com.coachway.sales.access.Roles;
import io.javalin.config.RoutesConfig;

public final class ActivityRoutes {
    private ActivityRoutes() {
    }

    public static void register(RoutesConfig r, ActivityHandler h) {
        r.get("/activities", h::search, Roles.SALES);
        r.get("/leads/{id}/activities", h::list, Roles.SALES);
        r.post("/leads/{id}/activities", h::create, Roles.SALES);
        r.patch("/leads/{id}/activities/{activity_id}", h::patch, Roles.SALES);
    }
}
