package com.coachway.notification.templates;

import com.coachway.notification.Access;
import io.javalin.config.RoutesConfig;

public final class TemplateRoutes {
    private TemplateRoutes() {
    }

    public static void register(RoutesConfig r, TemplateHandler h) {
        r.get("/templates", h::list, Access.READ);
        r.get("/templates/{code}", h::get, Access.READ);
        r.put("/templates/{code}", h::replace, Access.MANAGE);
    }
}
