package com.coachway.dispatch.events;

import com.coachway.dispatch.access.Roles;
import io.javalin.config.RoutesConfig;

public final class TripEventRoutes {
    private TripEventRoutes() {
    }

    public static void register(RoutesConfig r, TripEventHandler events) {
        r.get("/assignments/{id}/events", events::list, Roles.READ_ASSIGNMENTS);
        r.post("/assignments/{id}/events", events::post, Roles.POST_EVENTS);
    }
}
