package com.coachway.sales.access;

import com.coachway.common.auth.Role;

/** Who may do what in sales (admin passes every check). */
public final class Roles {
    /** Leads, activities, reading agents, email preferences, conversion. */
    public static final Role[] SALES = {Role.ADMIN, Role.MANAGER, Role.SALES_AGENT};
    /** Creating and (de)activating agents, campaigns. */
    public static final Role[] MANAGERS = {Role.ADMIN, Role.MANAGER};
    /** The unsubscribe link of a marketing email: no login. */
    public static final Role[] ANYONE = {Role.PUBLIC};

    private Roles() {
    }
}
