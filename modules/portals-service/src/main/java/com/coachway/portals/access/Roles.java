package com.coachway.portals.access;

import com.coachway.common.auth.Role;

/** Who may open which portal (admin passes every route check; {@link PortalUsers} then wants a client or vendor user). */
public final class Roles {
    public static final Role[] CLIENT = {Role.CLIENT};
    public static final Role[] VENDOR = {Role.VENDOR};
    public static final Role[] DASHBOARD = {Role.ADMIN, Role.MANAGER};

    private Roles() {
    }
}
