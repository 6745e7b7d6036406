package com.coachway.auth.roles;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import io.javalin.http.Context;
import org.jooq.DSLContext;

import java.util.List;
import java.util.regex.Pattern;

/** Roles and their permissions [admin]. */
public final class RoleHandler {
    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]{1,49}$");

    private final DSLContext dsl;
    private final RoleStore roles;

    public RoleHandler(DSLContext dsl, RoleStore roles) {
        this.dsl = dsl;
        this.roles = roles;
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        var page = q.page();
        q.validate();
        ctx.json(roles.list(page));
    }

    public void permissions(Context ctx) {
        var q = Query.of(ctx);
        var page = q.page();
        q.validate();
        ctx.json(roles.permissions(page));
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
        RoleView created = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            requireKnown(tx, perms);
            if (!roles.insert(tx, name, description == null ? "" : description)) {
                throw ApiException.conflict("A role named " + name + " already exists");
            }
            roles.setPermissions(tx, name, perms);
            return roles.find(tx, name).orElseThrow();
        });
        ctx.status(201).header("Location", "/roles/" + name).json(created);
    }

    public void setPermissions(Context ctx) {
        String name = ctx.pathParam("name");
        var in = JsonInput.of(ctx).allowOnly("permissions");
        List<String> perms = in.requiredStringList("permissions", 100, 100);
        in.validate();
        RoleView updated = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            roles.lock(tx, name).orElseThrow(() -> ApiException.notFound("Role " + name));
            if (name.equals("admin")) throw ApiException.conflict("The admin role always has every permission");
            requireKnown(tx, perms);
            roles.setPermissions(tx, name, perms);
            return roles.find(tx, name).orElseThrow();
        });
        ctx.json(updated);
    }

    private void requireKnown(DSLContext tx, List<String> perms) {
        var unknown = roles.unknownPermissions(tx, perms);
        if (!unknown.isEmpty()) {
            throw ApiException.validation(List.of(new FieldError("permissions", "unknown permission(s): " + String.join(", ", unknown))));
        }
    }
}
