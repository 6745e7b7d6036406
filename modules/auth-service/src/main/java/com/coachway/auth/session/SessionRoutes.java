package com.coachway.auth.session;

import com.coachway.common.auth.Role;
import io.javalin.config.RoutesConfig;

/**
 * Session endpoints: public (they are how a caller gets a token in the first place), except the
 * list of ended sessions, which other services poll with their service token.
 */
public final class SessionRoutes {
    private SessionRoutes() {
    }

    public static void register(RoutesConfig r, SessionHandler h) {
        r.post("/login", h::login, Role.PUBLIC);
        r.post("/refresh", h::refresh, Role.PUBLIC);
        r.post("/logout", h::logout, Role.PUBLIC);
        r.post("/token", h::serviceToken, Role.PUBLIC);
        r.get("/revocations", h::revocations, Role.SERVICE);
    }
}
