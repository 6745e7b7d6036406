package com.coachway.pricing.amenities;

import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import io.javalin.http.Context;

import java.math.BigDecimal;

/** Amenities: reads [staff, service], writes [manager]. */
public final class AmenityHandler {

    private final AmenityActions actions;

    public AmenityHandler(AmenityActions actions) {
        this.actions = actions;
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        Boolean active = q.bool("active");
        var page = q.page();
        q.validate();
        ctx.json(actions.list(active, page));
    }

    public void get(Context ctx) {
        ctx.json(actions.get(ctx.pathParam("code")));
    }

    public void create(Context ctx) {
        var in = JsonInput.of(ctx);
        String code = in.requiredString("code");
        String name = in.requiredString("name");
        String chargeType = in.requiredString("charge_type");
        BigDecimal amount = in.requiredDecimal("amount", 2);
        Boolean active = in.optionalBool("active");
        in.validate();

        Amenity created = actions.create(code, new AmenityValues(name, chargeType, amount, active == null || active));
        ctx.status(201).header("Location", "/amenities/" + code).json(created);
    }

    public void update(Context ctx) {
        String code = ctx.pathParam("code");
        var in = JsonInput.of(ctx);
        Integer version = in.requiredInt("version");
        String name = in.has("name") ? in.requiredString("name") : null;
        String chargeType = in.has("charge_type") ? in.requiredString("charge_type") : null;
        BigDecimal amount = in.has("amount") ? in.requiredDecimal("amount", 2) : null;
        Boolean active = in.has("active") ? in.requiredBool("active") : null;
        in.validate();

        Amenity updated = actions.update(code, version, new AmenityActions.Change(name, chargeType, amount, active));
        ctx.json(updated);
    }
}
