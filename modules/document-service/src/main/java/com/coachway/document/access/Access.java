package com.coachway.document.access;

import com.coachway.common.auth.Role;

/**
 * The route roles of this service (admin passes every check). Which documents a portal user
 * reaches is {@link Tenancy}'s rule; who may delete which is {@link Tenancy#mayDelete}.
 */
public final class Access {
    /** Lists, metadata, downloads: staff, other services, portal users (their own records only). */
    public static final Role[] READ = {Role.ADMIN, Role.MANAGER, Role.SALES_AGENT, Role.DISPATCHER, Role.ACCOUNTANT,
            Role.SERVICE, Role.CLIENT, Role.VENDOR};
    /** Uploads: staff, and portal users to their own records. Services only read. */
    public static final Role[] UPLOAD = {Role.ADMIN, Role.MANAGER, Role.SALES_AGENT, Role.DISPATCHER, Role.ACCOUNTANT,
            Role.CLIENT, Role.VENDOR};
    /** Deletes: admin and manager, or the uploader (checked per document). */
    public static final Role[] DELETE = UPLOAD;

    private Access() {
    }
}
