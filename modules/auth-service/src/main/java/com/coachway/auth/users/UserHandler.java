package com.coachway.auth.users;

import com.coachway.auth.passwords.PasswordPolicy;
import com.coachway.auth.passwords.Passwords;
import com.coachway.auth.roles.RoleStore;
import com.coachway.auth.session.SessionStore;
import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.Ids;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import com.coachway.common.http.ServiceApp;
import io.javalin.http.Context;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

/** User administration [admin], and the signed-in user's own /me endpoints. */
public final class UserHandler {
    private static final Logger log = LoggerFactory.getLogger(UserHandler.class);

    private final DSLContext dsl;
    private final UserStore users;
    private final RoleStore roles;
    private final SessionStore sessions;
    private final Passwords passwords;

    public UserHandler(DSLContext dsl, UserStore users, RoleStore roles, SessionStore sessions, Passwords passwords) {
        this.dsl = dsl;
        this.users = users;
        this.roles = roles;
        this.sessions = sessions;
        this.passwords = passwords;
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        var filter = new UserStore.Filter(q.string("q", 200), q.string("role", 50), q.bool("active"));
        var page = q.page();
        q.validate();
        ctx.json(users.list(filter, page));
    }

    public void get(Context ctx) {
        UUID id = Ids.pathId(ctx, "id", "User");
        ctx.json(users.find(id).orElseThrow(() -> ApiException.notFound("User")));
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
        checkRoles(roleNames, clientId, vendorId, driverId);

        String hash = passwords.hash(password);
        UUID id = Ids.newId();
        User created = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            if (users.emailTaken(tx, email, null)) throw ApiException.conflict("A user with email " + email + " already exists");
            users.insert(tx, id, email, fullName, hash, roleNames, clientId, vendorId, driverId);
            return users.find(tx, id).orElseThrow();
        });
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
        String hash = password == null ? null : passwords.hash(password);

        User updated = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            users.lockUserAndActiveAdmins(tx, id);
            User before = users.lock(tx, id).orElseThrow(() -> ApiException.notFound("User"));
            if (before.version() != version) throw ApiException.versionConflict(before.version());
            // Absent fields keep their value; the portal links may be cleared with an explicit null.
            List<String> rolesAfter = roleNames != null ? roleNames : before.roles();
            boolean activeAfter = active != null ? active : before.active();
            UUID clientAfter = in.has("client_id") ? clientId : before.clientId();
            UUID vendorAfter = in.has("vendor_id") ? vendorId : before.vendorId();
            UUID driverAfter = in.has("driver_id") ? driverId : before.driverId();
            checkRoles(rolesAfter, clientAfter, vendorAfter, driverAfter);
            if (email != null && users.emailTaken(tx, email, id)) throw ApiException.conflict("A user with email " + email + " already exists");
            if (id.equals(me.userId()) && (!activeAfter || !rolesAfter.contains("admin")) && before.hasRole("admin")) {
                throw ApiException.conflict("You cannot deactivate yourself or remove your own admin role");
            }
            if (UserRules.removesAdmin(before, activeAfter, rolesAfter) && users.lockOtherActiveAdmins(tx, id) == 0) {
                throw ApiException.conflict("This is the last active admin; make another admin first");
            }
            users.update(tx, id, new UserStore.Change(email != null ? email : before.email(),
                    fullName != null ? fullName : before.fullName(), hash, activeAfter, clientAfter, vendorAfter, driverAfter));
            if (roleNames != null) users.setRoles(tx, id, roleNames);
            // Anything that changes what the user's tokens say, or who may use them, ends its sessions.
            boolean rolesChanged = roleNames != null && !roleNames.stream().sorted().toList().equals(before.roles());
            if (!activeAfter || hash != null || rolesChanged) sessions.revokeAllForUser(tx, id, null, "changed_by_admin");
            return users.find(tx, id).orElseThrow();
        });
        log.info("user {} changed by {}", id, me.subject());
        ctx.json(updated);
    }

    public void deactivate(Context ctx) {
        UUID id = Ids.pathId(ctx, "id", "User");
        Caller me = ServiceApp.caller(ctx);
        if (id.equals(me.userId())) throw ApiException.conflict("You cannot deactivate yourself");
        dsl.transaction(c -> {
            DSLContext tx = c.dsl();
            users.lockUserAndActiveAdmins(tx, id);
            User before = users.lock(tx, id).orElseThrow(() -> ApiException.notFound("User"));
            if (!before.active()) return;
            if (UserRules.removesAdmin(before, false, before.roles()) && users.lockOtherActiveAdmins(tx, id) == 0) {
                throw ApiException.conflict("This is the last active admin; make another admin first");
            }
            users.update(tx, id, new UserStore.Change(before.email(), before.fullName(), null, false,
                    before.clientId(), before.vendorId(), before.driverId()));
            sessions.revokeAllForUser(tx, id, null, "deactivated");
        });
        log.info("user {} deactivated by {}", id, me.subject());
        ctx.status(204);
    }

    public void me(Context ctx) {
        Caller me = ServiceApp.caller(ctx);
        if (me.userId() == null) throw ApiException.forbidden("Service tokens have no user");
        ctx.json(users.find(me.userId()).orElseThrow(() -> ApiException.unauthorized("The user no longer exists")));
    }

    public void changePassword(Context ctx) {
        Caller me = ServiceApp.caller(ctx);
        if (me.userId() == null) throw ApiException.forbidden("Service tokens have no password");
        var in = JsonInput.of(ctx);
        String current = in.requiredString("current_password");
        String next = in.requiredString("new_password");
        in.validate();
        var creds = users.credentials(me.userId()).orElseThrow(() -> ApiException.unauthorized("The user no longer exists"));
        if (!passwords.matches(current, creds.passwordHash())) {
            throw ApiException.validation(List.of(new FieldError("current_password", "is incorrect")));
        }
        PasswordPolicy.problem(next, creds.user().email()).ifPresent(p -> {
            throw ApiException.validation(List.of(new FieldError("new_password", p)));
        });
        if (next.equals(current)) throw ApiException.validation(List.of(new FieldError("new_password", "must differ from the current password")));
        String hash = passwords.hash(next);
        dsl.transaction(c -> {
            users.setPassword(c.dsl(), me.userId(), hash);
            sessions.revokeAllForUser(c.dsl(), me.userId(), me.sessionId(), "password_changed");
        });
        log.info("user {} changed their password", me.userId());
        ctx.status(204);
    }

    private void checkRoles(List<String> roleNames, UUID clientId, UUID vendorId, UUID driverId) {
        var errors = new java.util.ArrayList<>(UserRules.check(roleNames, clientId, vendorId, driverId));
        var unknown = roles.unknownRoles(dsl, roleNames);
        if (!unknown.isEmpty()) errors.add(new FieldError("roles", "unknown role(s): " + String.join(", ", unknown)));
        if (!errors.isEmpty()) throw ApiException.validation(errors);
    }
}
