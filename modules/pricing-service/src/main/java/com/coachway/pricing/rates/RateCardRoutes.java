package com.coachway.pricing.rates;

import com.coachway.pricing.Access;
import io.javalin.config.RoutesConfig;

public final class RateCardRoutes {
    private RateCardRoutes() {
    }

    public static void register(RoutesConfig r, RateCardHandler h) {
        r.get("/rates", h::list, Access.READ);
        r.post("/rates", h::create, Access.WRITE);
        r.get("/rates/{id}", h::get, Access.READ);
        r.patch("/rates/{id}", h::update, Access.WRITE);
    }
}
