package com.coachway.dispatch.board;

import com.coachway.dispatch.access.Roles;
import io.javalin.config.RoutesConfig;

public final class BoardRoutes {
    private BoardRoutes() {
    }

    public static void register(RoutesConfig r, BoardHandler board) {
        r.get("/board", board::get, Roles.STAFF);
    }
}
