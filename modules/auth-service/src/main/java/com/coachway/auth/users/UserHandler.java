package com.coachway.auth.users;

import com.coachway.auth.passwords.PasswordPolicy;
import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

/** User administration [admin], and the signed-in user's own /me endpoints, over HTTP; what each does is in {@link UserActions}. */
public final class UserHandler {
    private static final Logger log = LoggerFactory.getLogger(UserHandler.class);

    private final UserActions actions;

    public UserHandler(UserActions actions) {
        this.actions = actions;
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        var filter = new UserStore.Filter(q.string("q"), q.string("role"), q.bool("active"));
        var page = q.page();
        q.validate();
        ctx.json(actions.list(filter, page));
    }

    public void get(Context ctx) {
        UUID id = Ids.pathId(ctx, "id", "User");
        ctx.json(actions.get(id));
    }

    public void create(Context ctx) {
        var in = JsonInput.of(ctx);
        String email = in.requiredEmail("email");
        String fullName = in.requiredString("full_name");
        String password = in.requiredString("password");
        List<String> roleNames = in.requiredStringList("roles");
        UUID clientId = in.optionalUuid("client_id");
        UUID vendorId = in.optionalUuid("vendor_id");
        UUID driverId = in.optionalUuid("driver_id");
        if (password != null) PasswordPolicy.problem(password, email).ifPresent(p -> in.error("password", p));
        in.validate();

        UUID id = Ids.newId();
        User created = actions.create(id, new NewUser(email, fullName, password, roleNames, clientId, vendorId, driverId));
        log.info("user {} created with roles {}", id, roleNames);
        ctx.status(201).header("Location", "/users/" + id).json(created);
    }

    public void update(Context ctx) {
        UUID id = Ids.pathId(ctx, "id", "User");
        Caller me = ServiceApp.caller(ctx);
        var in = JsonInput.of(ctx);
        Integer version = in.requiredInt("version");
        String email = in.has("email") ? in.requiredEmail("email") : null;
        String fullName = in.has("full_name") ? in.requiredString("full_name") : null;
        String password = in.has("password") ? in.requiredString("password") : null;
        List<String> roleNames = in.has("roles") ? in.requiredStringList("roles") : null;
        Boolean active = in.has("active") ? in.requiredBool("active") : null;
        UUID clientId = in.optionalUuid("client_id");
        UUID vendorId = in.optionalUuid("vendor_id");
        UUID driverId = in.optionalUuid("driver_id");
        if (password != null) PasswordPolicy.problem(password, email).ifPresent(p -> in.error("password", p));
        in.validate();

        var change = new UserChange(email, fullName, password, roleNames, active, in.has("client_id"), clientId,
                in.has("vendor_id"), vendorId, in.has("driver_id"), driverId);
        User updated = actions.update(me, id, version, change);
        log.info("user {} changed by {}", id, me.subject());
        ctx.json(updated);
    }

    public void deactivate(Context ctx) {
        UUID id = Ids.pathId(ctx, "id", "User");
        Caller me = ServiceApp.caller(ctx);
        actions.deactivate(me, id);
        log.info("user {} deactivated by {}", id, me.subject());
        ctx.status(204);
    }

    public void me(Context ctx) {
        ctx.json(actions.me(ServiceApp.caller(ctx)));
    }

    public void changePassword(Context ctx) {
        Caller me = ServiceApp.caller(ctx);
        if (me.userId() == null) throw ApiException.forbidden("Service tokens have no password");
        var in = JsonInput.of(ctx);
        String current = in.requiredString("current_password");
        String next = in.requiredString("new_password");
        in.validate();
        actions.changePassword(me, current, next);
        log.info("user {} changed their password", me.userId());
        ctx.status(204);
    }
}
