package com.coachway.client.access;

import com.coachway.common.auth.Role;

/**
 * The route roles of this service, following auth-service's permissions: clients:read and
 * clients:write are every staff role (the spec's [staff]: dispatchers correct contacts, accountants
 * own payment terms and credit limits), reading also other services; a client portal user reads its
 * own client (see common's {@link com.coachway.common.auth.ClientScope}). Deleting a client is for
 * managers: it cannot be undone, and an inactive status is nearly always what is wanted. admin
 * passes every check.
 */
public final class Access {
    public static final Role[] READ = {Role.ADMIN, Role.MANAGER, Role.SALES_AGENT, Role.DISPATCHER, Role.ACCOUNTANT,
            Role.SERVICE, Role.CLIENT};
    public static final Role[] WRITE = {Role.ADMIN, Role.MANAGER, Role.SALES_AGENT, Role.DISPATCHER, Role.ACCOUNTANT};
    public static final Role[] DELETE_CLIENT = {Role.ADMIN, Role.MANAGER};

    private Access() {
    }
}
