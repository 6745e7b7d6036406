package com.coachway.sales.campaigns;

import com.coachway.sales.access.Roles;
import io.javalin.config.RoutesConfig;

public final class CampaignRoutes {
    private CampaignRoutes() {
    }

    public static void register(RoutesConfig r, CampaignHandler h) {
        r.get("/campaigns", h::list, Roles.MANAGERS);
        r.post("/campaigns", h::create, Roles.MANAGERS);
        r.get("/campaigns/{id}", h::get, Roles.MANAGERS);
    }
}
