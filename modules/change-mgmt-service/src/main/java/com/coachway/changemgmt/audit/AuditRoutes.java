package com.coachway.changemgmt.audit;

import com.coachway.changemgmt.access.Roles;
import io.javalin.config.RoutesConfig;

public final class AuditRoutes {
    private AuditRoutes() {
    }

    public static void register(RoutesConfig r, AuditHandler h) {
        r.post("/audit-events", h::record, Roles.APPEND_AUDIT);
        r.get("/audit-events", h::list, Roles.READ_AUDIT);
    }
}
