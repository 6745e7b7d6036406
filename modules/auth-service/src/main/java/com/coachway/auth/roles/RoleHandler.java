package com.coachway.auth.roles;

import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import io.javalin.http.Context;

import java.util.List;

/** Roles and their permissions [admin], over HTTP; what each does is in {@link RoleActions}. */
public final class RoleHandler {

    private final RoleActions actions;

    public RoleHandler(RoleActions actions) {
        this.actions = actions;
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        var page = q.page();
        q.validate();
        ctx.json(actions.list(page));
    }

    public void permissions(Context ctx) {
        var q = Query.of(ctx);
        var page = q.page();
        q.validate();
        ctx.json(actions.permissions(page));
    }

    public void create(Context ctx) {
        var in = JsonInput.of(ctx);
        String name = in.requiredString("name");
        String description = in.optionalString("description");
        List<String> perms = in.requiredStringList("permissions");
        in.validate();
        RoleView created = actions.create(ServiceApp.caller(ctx), name, description == null ? "" : description, perms);
        ctx.status(201).header("Location", "/roles/" + name).json(created);
    }

    public void setPermissions(Context ctx) {
        String name = ctx.pathParam("name");
        var in = JsonInput.of(ctx);
        List<String> perms = in.requiredStringList("permissions");
        in.validate();
        RoleView updated = actions.setPermissions(ServiceApp.caller(ctx), name, perms);
        ctx.json(updated);
    }
}
