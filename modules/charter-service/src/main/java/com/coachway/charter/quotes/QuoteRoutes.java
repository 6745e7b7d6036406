package com.coachway.charter.quotes;

import com.coachway.charter.access.Roles;
import io.javalin.config.RoutesConfig;

public final class QuoteRoutes {
    private QuoteRoutes() {
    }

    public static void register(RoutesConfig r, QuoteHandler h) {
        r.get("/charters/{id}/quotes", h::list, Roles.READ_CHARTERS);
        r.post("/charters/{id}/quotes", h::create, Roles.WRITE_CHARTERS);
        r.get("/quotes/{id}", h::get, Roles.READ_CHARTERS);
        r.post("/quotes/{id}/send", h::send, Roles.WRITE_CHARTERS);
        r.post("/quotes/{id}/accept", h::accept, Roles.ANSWER_QUOTES);
        r.post("/quotes/{id}/reject", h::reject, Roles.ANSWER_QUOTES);
    }
}
