package com.coachway.portals.admin;

import com.coachway.portals.access.PortalUsers;
import io.javalin.http.Context;

/** The admin dashboard over HTTP. */
public final class AdminHandler {
    private final AdminActions actions;

    public AdminHandler(AdminActions actions) {
        this.actions = actions;
    }

    public void dashboard(Context ctx) {
        ctx.json(actions.dashboard(PortalUsers.staff(ctx)));
    }
}
