package com.coachway.analytics.reports;

import com.coachway.common.auth.Role;
import io.javalin.config.RoutesConfig;

public final class ReportRoutes {
    /** The reports' readers (spec: manager, accountant, admin). */
    static final Role[] READ = {Role.ADMIN, Role.MANAGER, Role.ACCOUNTANT};

    private ReportRoutes() {
    }

    public static void register(RoutesConfig r, ReportHandler h) {
        r.get("/revenue", h::revenue, READ);
        r.get("/charters/metrics", h::charterMetrics, READ);
        r.get("/vendors/performance", h::vendorPerformance, READ);
        r.get("/dashboard", h::dashboard, READ);
    }
}
