package com.coachway.charter.vehicles;

import com.coachway.charter.access.Roles;
import io.javalin.config.RoutesConfig;

public final class VehicleRoutes {
    private VehicleRoutes() {
    }

    public static void register(RoutesConfig r, VehicleHandler h) {
        r.get("/vehicles", h::list, Roles.STAFF);
        r.post("/vehicles", h::create, Roles.FLEET);
        r.get("/vehicles/{id}", h::get, Roles.READ_VEHICLE);
        r.patch("/vehicles/{id}", h::update, Roles.FLEET);
        r.delete("/vehicles/{id}", h::delete, Roles.FLEET);
    }
}
