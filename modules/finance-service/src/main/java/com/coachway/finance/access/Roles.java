package com.coachway.finance.access;

import com.coachway.common.auth.Role;

/** Who may do what in finance (admin passes every check). Client portal users see only their own: ClientScope. */
public final class Roles {
    /** Invoices, bills, the ledger, reports, statements. */
    public static final Role[] READ = {Role.ADMIN, Role.MANAGER, Role.ACCOUNTANT};
    /** Invoices and statements, which a client portal user reads for its own client. */
    public static final Role[] READ_CLIENT = {Role.ADMIN, Role.MANAGER, Role.ACCOUNTANT, Role.CLIENT};
    /** Bills, which a vendor user reads for its own vendor. */
    public static final Role[] READ_VENDOR = {Role.ADMIN, Role.MANAGER, Role.ACCOUNTANT, Role.VENDOR};
    /** Invoices, credit memos, bills, bill payments, manual entries, reversals, period close. */
    public static final Role[] WRITE = {Role.ADMIN, Role.ACCOUNTANT};
    /** The /events receivers: other services' outboxes, and nobody else (not admin either: an event a person made up would be booked). */
    public static final Role[] EVENTS = {Role.SERVICE_ONLY};

    private Roles() {
    }
}
