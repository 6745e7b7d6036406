package com.coachway.pricing.vehicles;

import com.coachway.common.http.Query;
import io.javalin.http.Context;

/** GET /vehicle-types. */
public final class VehicleTypeHandler {
    private final VehicleTypeStore store;

    public VehicleTypeHandler(VehicleTypeStore store) {
        this.store = store;
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        Boolean active = q.bool("active");
        var page = q.page();
        q.validate();
        ctx.json(store.list(active, page));
    }
}
