package com.coachway.client.clients;

import com.coachway.client.access.Access;
import io.javalin.config.RoutesConfig;

public final class ClientRoutes {
    private ClientRoutes() {
    }

    public static void register(RoutesConfig r, ClientHandler h) {
        r.get("/clients", h::list, Access.READ);
        r.post("/clients", h::create, Access.WRITE);
        r.get("/clients/{id}", h::get, Access.READ);
        r.patch("/clients/{id}", h::update, Access.WRITE);
        r.delete("/clients/{id}", h::delete, Access.DELETE_CLIENT);
    }
}
