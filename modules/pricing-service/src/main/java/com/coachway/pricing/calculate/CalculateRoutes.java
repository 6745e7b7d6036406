package com.coachway.pricing.calculate;

import com.coachway.pricing.Access;
import io.javalin.config.RoutesConfig;

public final class CalculateRoutes {
    private CalculateRoutes() {
    }

    public static void register(RoutesConfig r, CalculateHandler h) {
        r.post("/calculate", h::calculate, Access.READ);
    }
}
