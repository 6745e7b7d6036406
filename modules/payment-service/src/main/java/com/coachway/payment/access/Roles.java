package com.coachway.payment.access;

import com.coachway.common.auth.Role;

/** Who may do what here (admin passes every check). */
public final class Roles {
    /** Reading payments, schedules and balances: staff, services, and client users (their own charters only). */
    public static final Role[] READ = {Role.ADMIN, Role.MANAGER, Role.SALES_AGENT, Role.DISPATCHER, Role.ACCOUNTANT,
            Role.SERVICE, Role.CLIENT};
    /** Recording money received and giving it back: accounting. */
    public static final Role[] ACCOUNTING = {Role.ADMIN, Role.ACCOUNTANT};
    /** Starting a card payment: accounting (a card taken over the phone), or the client user paying its own charter. */
    public static final Role[] PAY_BY_CARD = {Role.ADMIN, Role.ACCOUNTANT, Role.CLIENT};
    /** Opening schedules: charter-service's outbox. */
    public static final Role[] SERVICES = {Role.SERVICE};

    private Roles() {
    }
}
