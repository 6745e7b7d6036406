package com.coachway.payment.balances;

import com.coachway.payment.access.Roles;
import io.javalin.config.RoutesConfig;

public final class BalanceRoutes {
    private BalanceRoutes() {
    }

    public static void register(RoutesConfig r, BalanceHandler h) {
        r.get("/balances/{charter_id}", h::get, Roles.READ);
    }
}
