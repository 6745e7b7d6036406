package com.coachway.auth.roles;

import com.coachway.common.audit.AuditTrail;
import com.coachway.common.auth.Caller;
import org.jooq.DSLContext;

import java.util.List;

/** What auth-service tells the platform audit trail about roles: a new role, and a change of what one may do. */
public final class RoleAudit {
    public static final String CREATED = "role.created";
    public static final String PERMISSIONS_CHANGED = "role.permissions_changed";
    public static final String[] ACTIONS = {CREATED, PERMISSIONS_CHANGED};

    private final AuditTrail trail;

    public RoleAudit(AuditTrail trail) {
        this.trail = trail;
    }

    void created(DSLContext tx, Caller by, String name, List<String> permissions) {
        trail.append(tx, CREATED, "role", name, AuditTrail.actor(by), null, permissions(permissions));
    }

    /** None when the permissions are the same set as before. */
    void permissionsChanged(DSLContext tx, Caller by, String name, List<String> before, List<String> after) {
        if (permissions(before).equals(permissions(after))) return;
        trail.append(tx, PERMISSIONS_CHANGED, "role", name, AuditTrail.actor(by), permissions(before), permissions(after));
    }

    private static String permissions(List<String> permissions) {
        return String.join(",", permissions.stream().distinct().sorted().toList());
    }
}
