package com.coachway.pricing.compliance;

import com.coachway.pricing.Access;
import io.javalin.config.RoutesConfig;

public final class ComplianceRoutes {
    private ComplianceRoutes() {
    }

    public static void register(RoutesConfig r, ComplianceHandler h) {
        r.post("/compliance/check", h::check, Access.READ);
    }
}
