package com.coachway.auth.roles;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import io.javalin.http.Context;
import org.jooq.DSLContext;

import java.util.List;

/** Roles and their permissions [admin]. */
public final class RoleHandler {

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
        var in = JsonInput.of(ctx);
        String name = in.requiredString("name");
        String description = in.optionalString("description");
        List<String> perms = in.requiredStringList("permissions");
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
        var in = JsonInput.of(ctx);
        List<String> perms = in.requiredStringList("permissions");
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
