package com.coachway.pricing.promos;

import com.coachway.common.auth.Role;
import com.coachway.pricing.Access;
import io.javalin.config.RoutesConfig;

public final class PromoRoutes {
    private PromoRoutes() {
    }

    public static void register(RoutesConfig r, PromoHandler h) {
        r.get("/promo-codes", h::list, Access.READ);
        r.post("/promo-codes", h::create, Access.WRITE);
        r.post("/promo-codes/validate", h::validate, Access.READ);
        r.get("/promo-codes/{code}", h::get, Access.READ);
        r.patch("/promo-codes/{code}", h::update, Access.WRITE);
        r.get("/promo-codes/{code}/redemptions", h::redemptions, Access.READ);
        // counted by charter-service when a quote using the code is accepted
        r.post("/promo-codes/{code}/redemptions", h::redeem, Role.SERVICE);
        // given back by charter-service when the accept it was counted for fails
        r.delete("/promo-codes/{code}/redemptions/{reference}", h::release, Role.SERVICE);
    }
}
