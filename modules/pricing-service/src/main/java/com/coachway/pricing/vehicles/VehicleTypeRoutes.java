package com.coachway.pricing.vehicles;

import com.coachway.common.auth.Role;
import io.javalin.config.RoutesConfig;

public final class VehicleTypeRoutes {
    private VehicleTypeRoutes() {
    }

    /** Any signed-in caller: charter-service checks capacities, portals show the fleet. */
    public static void register(RoutesConfig r, VehicleTypeHandler h) {
        r.get("/vehicle-types", h::list, Role.AUTHENTICATED);
    }
}
