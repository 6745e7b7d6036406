package com.coachway.notification;

import com.coachway.common.auth.Role;

/** Who may do what in notification-service (admin passes every check). */
public final class Access {
    /** Queueing a message: staff, and services on behalf of their flows (charter-service's quote email). */
    public static final Role[] SEND = {Role.ADMIN, Role.MANAGER, Role.SALES_AGENT, Role.DISPATCHER, Role.ACCOUNTANT, Role.SERVICE};
    /** Reading messages and templates: the same callers. */
    public static final Role[] READ = SEND;
    /** Changing what every customer reads, and sending a failed message again: managers. */
    public static final Role[] MANAGE = {Role.ADMIN, Role.MANAGER};

    private Access() {
    }
}
