package com.coachway.charter.charters;

import com.coachway.charter.access.Roles;
import io.javalin.config.RoutesConfig;

public final class CharterRoutes {
    private CharterRoutes() {
    }

    public static void register(RoutesConfig r, CharterHandler h) {
        r.get("/charters", h::list, Roles.READ_CHARTERS);
        r.post("/charters", h::create, Roles.WRITE_CHARTERS);
        r.get("/charters/{id}", h::get, Roles.READ_CHARTERS);
        r.patch("/charters/{id}", h::update, Roles.CHANGE_CHARTERS);
        r.post("/charters/{id}/status", h::changeStatus, Roles.MOVE_CHARTERS);
        r.get("/charters/{id}/history", h::history, Roles.READ_CHARTERS);
        r.put("/charters/{id}/vehicles/{line_id}", h::assignVehicle, Roles.FLEET);
    }
}
