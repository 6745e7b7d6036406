package com.coachway.portals.admin;

import com.coachway.portals.access.Roles;
import io.javalin.config.RoutesConfig;

public final class AdminRoutes {
    private AdminRoutes() {
    }

    public static void register(RoutesConfig r, AdminHandler h) {
        r.get("/admin/dashboard", h::dashboard, Roles.DASHBOARD);
    }
}
