package com.coachway.pricing.vehicles;

import com.coachway.common.http.Query;
import io.javalin.http.Context;

/** GET /vehicle-types. */
public final class VehicleTypeHandler {
    private final VehicleTypeActions actions;

    public VehicleTypeHandler(VehicleTypeActions actions) {
        this.actions = actions;
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        Boolean active = q.bool("active");
        var page = q.page();
        q.validate();
        ctx.json(actions.list(active, page));
    }
}
