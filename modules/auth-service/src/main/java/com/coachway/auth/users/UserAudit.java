package com.coachway.auth.users;

import com.coachway.common.audit.AuditTrail;
import com.coachway.common.auth.Caller;
import org.jooq.DSLContext;

import java.util.List;
import java.util.UUID;

/**
 * What auth-service tells the platform audit trail about users, in the transaction of the change:
 * who may do what (the user's roles) and who may sign in at all (deactivation, reactivation).
 */
public final class UserAudit {
    public static final String ROLES_CHANGED = "user.roles_changed";
    public static final String DEACTIVATED = "user.deactivated";
    public static final String REACTIVATED = "user.reactivated";
    public static final String[] ACTIONS = {ROLES_CHANGED, DEACTIVATED, REACTIVATED};

    private final AuditTrail trail;

    public UserAudit(AuditTrail trail) {
        this.trail = trail;
    }

    /** The entries of one change from {@code before} to {@code after}: none when neither the roles nor the active flag moved. */
    void changed(DSLContext tx, Caller by, User before, User after) {
        String actor = AuditTrail.actor(by);
        if (!sorted(before.roles()).equals(sorted(after.roles()))) {
            trail.append(tx, ROLES_CHANGED, "user", after.id(), actor, roles(before.roles()), roles(after.roles()));
        }
        if (before.active() != after.active()) {
            trail.append(tx, after.active() ? REACTIVATED : DEACTIVATED, "user", after.id(), actor,
                    state(before.active()), state(after.active()));
        }
    }

    void deactivated(DSLContext tx, Caller by, UUID id) {
        trail.append(tx, DEACTIVATED, "user", id, AuditTrail.actor(by), state(true), state(false));
    }

    private static List<String> sorted(List<String> roles) {
        return roles.stream().sorted().toList();
    }

    /** Roles as a stable text: sorted, comma-separated; "" for none. */
    private static String roles(List<String> roles) {
        return String.join(",", sorted(roles));
    }

    private static String state(boolean active) {
        return active ? "active" : "inactive";
    }
}
