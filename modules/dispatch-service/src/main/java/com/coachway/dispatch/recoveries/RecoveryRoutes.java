package com.coachway.dispatch.recoveries;

import com.coachway.dispatch.access.Roles;
import io.javalin.config.RoutesConfig;

public final class RecoveryRoutes {
    private RecoveryRoutes() {
    }

    public static void register(RoutesConfig r, RecoveryHandler recoveries) {
        r.get("/recoveries", recoveries::list, Roles.STAFF);
        r.post("/recoveries", recoveries::create, Roles.DISPATCH);
        r.get("/recoveries/{id}", recoveries::get, Roles.STAFF);
        r.patch("/recoveries/{id}", recoveries::update, Roles.DISPATCH);
    }
}
