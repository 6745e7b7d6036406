package com.coachway.finance.reports;

import com.coachway.finance.access.Roles;
import io.javalin.config.RoutesConfig;

public final class ReportRoutes {
    private ReportRoutes() {
    }

    public static void register(RoutesConfig r, ReportHandler h) {
        r.get("/reports/ar-aging", h::arAging, Roles.READ);
        r.get("/reports/ap-aging", h::apAging, Roles.READ);
        r.get("/reports/charter-profitability", h::charterProfitability, Roles.READ);
    }
}
