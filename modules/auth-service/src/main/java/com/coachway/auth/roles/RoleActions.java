package com.coachway.auth.roles;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import org.jooq.DSLContext;

import java.util.List;

/** The role use cases: reading roles and permissions, making a role, and changing what it may do. */
public final class RoleActions {
    private final DSLContext dsl;
    private final RoleStore roles;
    private final RoleAudit audit;

    public RoleActions(DSLContext dsl, RoleStore roles, RoleAudit audit) {
        this.dsl = dsl;
        this.roles = roles;
        this.audit = audit;
    }

    public Page<RoleView> list(PageRequest page) {
        return roles.list(dsl, page);
    }

    public Page<RoleStore.PermissionView> permissions(PageRequest page) {
        return roles.permissions(dsl, page);
    }

    /** A new role with these permissions; 409 when the name is taken. */
    public RoleView create(Caller by, String name, String description, List<String> perms) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            requireKnown(tx, perms);
            if (!roles.insert(tx, name, description)) {
                throw ApiException.conflict("A role named " + name + " already exists");
            }
            roles.setPermissions(tx, name, perms);
            audit.created(tx, by, name, perms);
            return roles.find(tx, name).orElseThrow();
        });
    }

    /** Replaces the role's permissions; admin's are all of them and cannot change. */
    public RoleView setPermissions(Caller by, String name, List<String> perms) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            roles.lock(tx, name).orElseThrow(() -> ApiException.notFound("Role " + name));
            if (name.equals("admin")) throw ApiException.conflict("The admin role always has every permission");
            requireKnown(tx, perms);
            List<String> before = roles.find(tx, name).orElseThrow().permissions();
            roles.setPermissions(tx, name, perms);
            audit.permissionsChanged(tx, by, name, before, perms);
            return roles.find(tx, name).orElseThrow();
        });
    }

    private void requireKnown(DSLContext tx, List<String> perms) {
        var unknown = roles.unknownPermissions(tx, perms);
        if (!unknown.isEmpty()) {
            throw ApiException.validation(List.of(new FieldError("permissions", "unknown permission(s): " + String.join(", ", unknown))));
        }
    }
}
