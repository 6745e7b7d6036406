package com.coachway.pricing;

import com.coachway.common.auth.Role;

/** Who may do what in pricing: staff and services read, managers change (admin passes every check). */
public final class Access {
    public static final Role[] READ = {Role.ADMIN, Role.MANAGER, Role.SALES_AGENT, Role.DISPATCHER, Role.ACCOUNTANT, Role.SERVICE};
    public static final Role[] WRITE = {Role.MANAGER};

    private Access() {
    }
}
