package com.coachway.portals.client;

import com.coachway.portals.access.Roles;
import io.javalin.config.RoutesConfig;

public final class ClientRoutes {
    private ClientRoutes() {
    }

    public static void register(RoutesConfig r, ClientHandler h) {
        r.get("/client/overview", h::overview, Roles.CLIENT);
        r.get("/client/charters", h::charters, Roles.CLIENT);
        r.get("/client/charters/{id}", h::charter, Roles.CLIENT);
        r.post("/client/quotes/{id}/accept", h::acceptQuote, Roles.CLIENT);
        r.post("/client/change-requests", h::changeRequest, Roles.CLIENT);
    }
}
