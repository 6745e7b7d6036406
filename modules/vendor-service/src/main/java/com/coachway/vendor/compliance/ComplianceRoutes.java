package com.coachway.vendor.compliance;

import com.coachway.vendor.access.Roles;
import io.javalin.config.RoutesConfig;

public final class ComplianceRoutes {
    private ComplianceRoutes() {
    }

    public static void register(RoutesConfig r, ComplianceHandler h) {
        r.get("/vendors/{id}/compliance-documents", h::list, Roles.READ_OWN);
        r.post("/vendors/{id}/compliance-documents", h::create, Roles.MANAGE_VENDORS);
        r.get("/vendors/{id}/compliance", h::compliance, Roles.READ_OWN);
    }
}
