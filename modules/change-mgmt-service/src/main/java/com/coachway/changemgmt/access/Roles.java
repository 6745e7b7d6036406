package com.coachway.changemgmt.access;

import com.coachway.common.auth.Caller;
import com.coachway.common.auth.Role;

/** Who may do what in change-mgmt (admin passes every check). Client users see only their own cases (ClientScope). */
public final class Roles {
    /** Asking for a change: the sellers and dispatchers, and a client user for its own charters. */
    public static final Role[] CREATE_CASES = {Role.ADMIN, Role.MANAGER, Role.SALES_AGENT, Role.DISPATCHER, Role.CLIENT};
    /** Reading cases and their history: staff, and a client user its own. */
    public static final Role[] READ_CASES = {Role.ADMIN, Role.MANAGER, Role.SALES_AGENT, Role.DISPATCHER, Role.ACCOUNTANT, Role.CLIENT};
    /** review, reject, implement, and approve of a case below the threshold. */
    public static final Role[] DECIDE = {Role.ADMIN, Role.MANAGER, Role.SALES_AGENT, Role.DISPATCHER};
    /**
     * cancel: the requester (a client user; checked on the case) or the staff who run the workflow.
     * Not an accountant: it reads cases but neither asks for nor decides them, so it does not withdraw them either.
     */
    public static final Role[] CANCEL = {Role.ADMIN, Role.MANAGER, Role.SALES_AGENT, Role.DISPATCHER, Role.CLIENT};
    /** POST /audit-events: other services' outboxes only; not even admin may write the audit trail. */
    public static final Role[] APPEND_AUDIT = {Role.SERVICE_ONLY};
    /** GET /audit-events. */
    public static final Role[] READ_AUDIT = {Role.ADMIN, Role.MANAGER, Role.ACCOUNTANT};

    private Roles() {
    }

    /** May approve a case that needs a manager: a manager or an admin. */
    public static boolean isManager(Caller caller) {
        return caller.isAdmin() || caller.hasRole(Role.MANAGER);
    }

    /** May cancel any case, not only its own request: staff that run the workflow. */
    public static boolean cancelsAnyCase(Caller caller) {
        for (Role r : DECIDE) if (caller.hasRole(r)) return true;
        return caller.isAdmin();
    }

    /** How the audit trail and history name a caller: the user id, or service:<client id>. */
    public static String actor(Caller caller) {
        return caller.userId() != null ? caller.userId().toString() : "service:" + caller.subject();
    }
}
