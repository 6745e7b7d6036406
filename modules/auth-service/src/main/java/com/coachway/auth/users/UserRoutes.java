package com.coachway.auth.users;

import com.coachway.common.auth.Role;
import io.javalin.config.RoutesConfig;

public final class UserRoutes {
    private UserRoutes() {
    }

    public static void register(RoutesConfig r, UserHandler h) {
        r.get("/me", h::me, Role.AUTHENTICATED);
        r.post("/me/password", h::changePassword, Role.AUTHENTICATED);
        r.get("/users", h::list, Role.ADMIN);
        r.post("/users", h::create, Role.ADMIN);
        // a neighbour checks a user it is told about (sales: is a new agent an active sales_agent?)
        r.get("/users/{id}", h::get, Role.ADMIN, Role.SERVICE);
        r.patch("/users/{id}", h::update, Role.ADMIN);
        r.delete("/users/{id}", h::deactivate, Role.ADMIN);
    }
}
