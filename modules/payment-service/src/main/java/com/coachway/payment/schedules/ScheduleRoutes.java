package com.coachway.payment.schedules;

import com.coachway.payment.access.Roles;
import io.javalin.config.RoutesConfig;

public final class ScheduleRoutes {
    private ScheduleRoutes() {
    }

    public static void register(RoutesConfig r, ScheduleHandler h) {
        r.get("/schedules", h::list, Roles.READ);
        r.post("/schedules", h::open, Roles.SERVICES);
    }
}
