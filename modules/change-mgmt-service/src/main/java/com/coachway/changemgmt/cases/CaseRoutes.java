package com.coachway.changemgmt.cases;

import com.coachway.changemgmt.access.Roles;
import io.javalin.config.RoutesConfig;

public final class CaseRoutes {
    private CaseRoutes() {
    }

    public static void register(RoutesConfig r, CaseHandler h) {
        r.get("/cases", h::list, Roles.READ_CASES);
        r.post("/cases", h::create, Roles.CREATE_CASES);
        r.get("/cases/{id}", h::get, Roles.READ_CASES);
        r.get("/cases/{id}/history", h::history, Roles.READ_CASES);
        r.post("/cases/{id}/review", h::review, Roles.DECIDE);
        // who may approve also depends on the case (requires_manager): CaseActions.approve decides the rest
        r.post("/cases/{id}/approve", h::approve, Roles.DECIDE);
        r.post("/cases/{id}/reject", h::reject, Roles.DECIDE);
        r.post("/cases/{id}/implement", h::implement, Roles.DECIDE);
        // the requester (a client user too) or staff: CaseActions.cancel checks which
        r.post("/cases/{id}/cancel", h::cancel, Roles.CANCEL);
    }
}
