package com.coachway.dispatch.drivers;

import com.coachway.dispatch.access.Roles;
import io.javalin.config.RoutesConfig;

public final class DriverRoutes {
    private DriverRoutes() {
    }

    public static void register(RoutesConfig r, DriverHandler drivers) {
        r.get("/drivers", drivers::list, Roles.STAFF);
        r.post("/drivers", drivers::create, Roles.DISPATCH);
        r.get("/drivers/{id}", drivers::get, Roles.READ_DRIVER);
        r.patch("/drivers/{id}", drivers::update, Roles.DISPATCH);
    }
}
