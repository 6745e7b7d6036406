package com.coachway.sales.agents;

import com.coachway.sales.access.Roles;
import io.javalin.config.RoutesConfig;

public final class AgentRoutes {
    private AgentRoutes() {
    }

    public static void register(RoutesConfig r, AgentHandler h) {
        r.get("/agents", h::list, Roles.SALES);
        r.post("/agents", h::create, Roles.MANAGERS);
        // before /agents/{id}, which would take "me" for an id
        r.get("/agents/me", h::me, Roles.SALES);
        r.get("/agents/{id}", h::get, Roles.SALES);
        r.patch("/agents/{id}", h::patch, Roles.MANAGERS);
    }
}
