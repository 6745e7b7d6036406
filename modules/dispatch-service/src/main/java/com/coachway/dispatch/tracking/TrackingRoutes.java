package com.coachway.dispatch.tracking;

import com.coachway.common.auth.Role;
import io.javalin.config.RoutesConfig;

public final class TrackingRoutes {
    /** Posting positions: driver users (their own trips), a telematics integration (service), admin. */
    static final Role[] POST_POSITIONS = {Role.ADMIN, Role.SERVICE, Role.DRIVER};
    /** Reading latest and tracks: staff, service, driver users (their own trips). */
    static final Role[] READ_POSITIONS = {Role.ADMIN, Role.MANAGER, Role.SALES_AGENT, Role.DISPATCHER, Role.ACCOUNTANT, Role.SERVICE,
            Role.DRIVER};

    private TrackingRoutes() {
    }

    public static void register(RoutesConfig r, TrackingHandler tracking) {
        r.post("/tracking/locations", tracking::post, POST_POSITIONS);
        r.get("/tracking/vehicles/{vehicle_id}/latest", tracking::latest, READ_POSITIONS);
        r.get("/tracking/assignments/{assignment_id}/track", tracking::track, READ_POSITIONS);
    }
}
