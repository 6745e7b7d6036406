package com.coachway.sales.preferences;

import com.coachway.sales.access.Roles;
import io.javalin.config.RoutesConfig;

public final class PreferenceRoutes {
    private PreferenceRoutes() {
    }

    public static void register(RoutesConfig r, PreferenceHandler h) {
        r.get("/email-preferences/{email}", h::get, Roles.SALES);
        r.put("/email-preferences/{email}", h::put, Roles.SALES);
        r.get("/unsubscribe", h::page, Roles.ANYONE);
        r.post("/unsubscribe", h::unsubscribe, Roles.ANYONE);
    }
}
