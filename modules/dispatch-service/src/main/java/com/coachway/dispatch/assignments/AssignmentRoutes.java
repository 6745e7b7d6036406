package com.coachway.dispatch.assignments;

import com.coachway.dispatch.access.Roles;
import io.javalin.config.RoutesConfig;

public final class AssignmentRoutes {
    private AssignmentRoutes() {
    }

    public static void register(RoutesConfig r, AssignmentHandler assignments) {
        r.get("/assignments", assignments::list, Roles.READ_ASSIGNMENTS);
        r.post("/assignments", assignments::create, Roles.DISPATCH);
        r.get("/assignments/{id}", assignments::get, Roles.READ_ASSIGNMENTS);
        r.post("/assignments/{id}/cancel", assignments::cancel, Roles.DISPATCH);
    }
}
