package com.coachway.client.contacts;

import com.coachway.client.access.Access;
import io.javalin.config.RoutesConfig;

public final class ContactRoutes {
    private ContactRoutes() {
    }

    public static void register(RoutesConfig r, ContactHandler h) {
        r.get("/clients/{id}/contacts", h::list, Access.READ);
        r.post("/clients/{id}/contacts", h::create, Access.WRITE);
        r.get("/clients/{id}/contacts/{contact_id}", h::get, Access.READ);
        r.patch("/clients/{id}/contacts/{contact_id}", h::update, Access.WRITE);
        r.delete("/clients/{id}/contacts/{contact_id}", h::delete, Access.WRITE);
    }
}
