package com.coachway.finance.statements;

import com.coachway.finance.access.Roles;
import io.javalin.config.RoutesConfig;

public final class StatementRoutes {
    private StatementRoutes() {
    }

    public static void register(RoutesConfig r, StatementHandler h) {
        r.get("/clients/{id}/statement", h::statement, Roles.READ_CLIENT);
    }
}
