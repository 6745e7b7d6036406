package com.coachway.notification.notifications;

import com.coachway.notification.Access;
import io.javalin.config.RoutesConfig;

public final class NotificationRoutes {
    private NotificationRoutes() {
    }

    public static void register(RoutesConfig r, NotificationHandler h) {
        r.post("/notifications", h::create, Access.SEND);
        r.get("/notifications", h::list, Access.READ);
        r.get("/notifications/{id}", h::get, Access.READ);
        r.post("/notifications/{id}/retry", h::retry, Access.MANAGE);
    }
}
