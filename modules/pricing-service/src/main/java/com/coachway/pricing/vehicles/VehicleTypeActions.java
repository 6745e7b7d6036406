package com.coachway.pricing.vehicles;

import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import org.jooq.DSLContext;

/** The vehicle-type use cases: the fleet's types are seeded by migration and only read. */
public final class VehicleTypeActions {
    private final DSLContext dsl;

    public VehicleTypeActions(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Page<VehicleType> list(Boolean active, PageRequest page) {
        return VehicleTypeStore.list(dsl, active, page);
    }
}
