package com.coachway.dispatch.access;

import com.coachway.common.auth.Role;

/** Who may do what here (admin passes every check). */
public final class Roles {
    /** Staff: reading everything dispatch knows. */
    public static final Role[] STAFF = {Role.ADMIN, Role.MANAGER, Role.SALES_AGENT, Role.DISPATCHER, Role.ACCOUNTANT};
    /** Registering drivers, assigning, recovering: dispatch and its managers. */
    public static final Role[] DISPATCH = {Role.ADMIN, Role.MANAGER, Role.DISPATCHER};
    /** One driver: staff, and document-service (which files documents under drivers). */
    public static final Role[] READ_DRIVER = {Role.ADMIN, Role.MANAGER, Role.SALES_AGENT, Role.DISPATCHER, Role.ACCOUNTANT,
            Role.SERVICE};
    /** Reading assignments and their events: staff and driver users (their own only). */
    public static final Role[] READ_ASSIGNMENTS = {Role.ADMIN, Role.MANAGER, Role.SALES_AGENT, Role.DISPATCHER,
            Role.ACCOUNTANT, Role.DRIVER};
    /** Posting trip events: dispatch, and driver users for their own assignments. */
    public static final Role[] POST_EVENTS = {Role.ADMIN, Role.MANAGER, Role.DISPATCHER, Role.DRIVER};

    private Roles() {
    }
}
