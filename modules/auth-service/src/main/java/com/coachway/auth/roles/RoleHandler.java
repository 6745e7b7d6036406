package com.coachway.auth.roles;

import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import io.javalin.http.Context;

import java.util.List;
import java.util.regex.Pattern;

/** Roles and their permissions [admin], over HTTP; what each does is in {@link RoleActions}. */
public final class RoleHandler {
    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]{1,49}$");

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
        var in = JsonInput.of(ctx).allowOnly("name", "description", "permissions");
        String name = in.requiredString("name", 50);
        String description = in.optionalString("description", 500);
        List<String> perms = in.requiredStringList("permissions", 100, 100);
        if (name != null && !NAME.matcher(name).matches()) {
            in.error("name", "must be 2–50 lowercase letters, digits or underscores, starting with a letter");
        }
        in.validate();
        RoleView created = actions.create(name, description == null ? "" : description, perms);
        ctx.status(201).header("Location", "/roles/" + name).json(created);
    }

    public void setPermissions(Context ctx) {
        String name = ctx.pathParam("name");
        var in = JsonInput.of(ctx).allowOnly("permissions");
        List<String> perms = in.requiredStringList("permissions", 100, 100);
        in.validate();
        RoleView updated = actions.setPermissions(name, perms);
        ctx.json(updated);
    }
}
