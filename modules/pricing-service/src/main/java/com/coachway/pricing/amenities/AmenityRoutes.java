package com.coachway.pricing.amenities;

import com.coachway.pricing.Access;
import io.javalin.config.RoutesConfig;

public final class AmenityRoutes {
    private AmenityRoutes() {
    }

    public static void register(RoutesConfig r, AmenityHandler h) {
        r.get("/amenities", h::list, Access.READ);
        r.post("/amenities", h::create, Access.WRITE);
        r.get("/amenities/{code}", h::get, Access.READ);
        r.patch("/amenities/{code}", h::update, Access.WRITE);
    }
}
