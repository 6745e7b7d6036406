package com.coachway.auth.users;

import com.coachway.auth.passwords.PasswordPolicy;
import com.coachway.auth.passwords.Passwords;
import com.coachway.auth.roles.RoleStore;
import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The user use cases: administration, and a signed-in user's own account. Passwords are hashed
 * (bcrypt, slow on purpose) before a transaction starts, never while it holds a row lock; any
 * change to what a user's tokens say, or who may use them, ends its sessions in the same
 * transaction.
 */
public final class UserActions {
    private final DSLContext dsl;
    private final UserStore users;
    private final RoleStore roles;
    private final UserSessions sessions;
    private final Passwords passwords;
    private final UserAudit audit;

    public UserActions(DSLContext dsl, UserStore users, RoleStore roles, UserSessions sessions, Passwords passwords, UserAudit audit) {
        this.dsl = dsl;
        this.users = users;
        this.roles = roles;
        this.sessions = sessions;
        this.passwords = passwords;
        this.audit = audit;
    }

    public Page<User> list(UserStore.Filter filter, PageRequest page) {
        return users.list(dsl, filter, page);
    }

    public User get(UUID id) {
        return users.find(dsl, id).orElseThrow(() -> ApiException.notFound("User"));
    }

    public User create(UUID id, NewUser user) {
        checkRoles(dsl, user.roles(), user.clientId(), user.vendorId(), user.driverId());
        String hash = passwords.hash(user.password());
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            if (users.emailTaken(tx, user.email(), null)) throw emailTaken(user.email());
            users.insert(tx, id, user.email(), user.fullName(), hash, user.roles(), user.clientId(), user.vendorId(), user.driverId());
            return users.find(tx, id).orElseThrow();
        });
    }

    /**
     * Applies an admin's change if the user is still at {@code version} (409 otherwise). No admin
     * removes their own admin role or deactivates themselves, and the last active admin stays one.
     */
    public User update(Caller me, UUID id, int version, UserChange change) {
        String hash = change.password() == null ? null : passwords.hash(change.password());
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            users.lockUserAndActiveAdmins(tx, id);
            User before = users.lock(tx, id).orElseThrow(() -> ApiException.notFound("User"));
            if (before.version() != version) throw ApiException.versionConflict(before.version());
            List<String> rolesAfter = change.rolesAfter(before);
            boolean activeAfter = change.activeAfter(before);
            UUID clientAfter = change.clientIdAfter(before);
            UUID vendorAfter = change.vendorIdAfter(before);
            UUID driverAfter = change.driverIdAfter(before);
            checkRoles(tx, rolesAfter, clientAfter, vendorAfter, driverAfter);
            if (change.email() != null && users.emailTaken(tx, change.email(), id)) throw emailTaken(change.email());
            if (id.equals(me.userId()) && (!activeAfter || !rolesAfter.contains("admin")) && before.hasRole("admin")) {
                throw ApiException.conflict("You cannot deactivate yourself or remove your own admin role");
            }
            if (UserRules.removesAdmin(before, activeAfter, rolesAfter) && users.lockOtherActiveAdmins(tx, id) == 0) {
                throw ApiException.conflict("This is the last active admin; make another admin first");
            }
            users.update(tx, id, new UserStore.Change(change.email() != null ? change.email() : before.email(),
                    change.fullName() != null ? change.fullName() : before.fullName(), hash, activeAfter,
                    clientAfter, vendorAfter, driverAfter));
            if (change.roles() != null) users.setRoles(tx, id, change.roles());
            if (!activeAfter || hash != null || change.changesRoles(before)) sessions.endAll(tx, id, null, "changed_by_admin");
            User after = users.find(tx, id).orElseThrow();
            audit.changed(tx, me, before, after);
            return after;
        });
    }

    /** Deactivates the user and ends its sessions; deactivating an inactive user does nothing. */
    public void deactivate(Caller me, UUID id) {
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
            sessions.endAll(tx, id, null, "deactivated");
            audit.deactivated(tx, me, id);
        });
    }

    /** The signed-in user. */
    public User me(Caller me) {
        if (me.userId() == null) throw ApiException.forbidden("Service tokens have no user");
        return users.find(dsl, me.userId()).orElseThrow(() -> ApiException.unauthorized("The user no longer exists"));
    }

    /** Changes the signed-in user's password, and ends every other session of theirs. */
    public void changePassword(Caller me, String current, String next) {
        if (me.userId() == null) throw ApiException.forbidden("Service tokens have no password");
        var creds = users.credentials(dsl, me.userId()).orElseThrow(() -> ApiException.unauthorized("The user no longer exists"));
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
            sessions.endAll(c.dsl(), me.userId(), me.sessionId(), "password_changed");
        });
    }

    private void checkRoles(DSLContext db, List<String> roleNames, UUID clientId, UUID vendorId, UUID driverId) {
        var errors = new ArrayList<>(UserRules.check(roleNames, clientId, vendorId, driverId));
        var unknown = roles.unknownRoles(db, roleNames);
        if (!unknown.isEmpty()) errors.add(new FieldError("roles", "unknown role(s): " + String.join(", ", unknown)));
        if (!errors.isEmpty()) throw ApiException.validation(errors);
    }

    private static ApiException emailTaken(String email) {
        return ApiException.conflict("A user with email " + email + " already exists");
    }
}
