package com.coachway.auth.roles;

import com.coachway.common.auth.Role;
import io.javalin.config.RoutesConfig;

public final class RoleRoutes {
    private RoleRoutes() {
    }

    public static void register(RoutesConfig r, RoleHandler h) {
        r.get("/roles", h::list, Role.ADMIN);
        r.post("/roles", h::create, Role.ADMIN);
        r.put("/roles/{name}/permissions", h::setPermissions, Role.ADMIN);
        r.get("/permissions", h::permissions, Role.ADMIN);
    }
}
