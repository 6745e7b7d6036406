package com.coachway.pricing.amenities;

import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import io.javalin.http.Context;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Amenities: reads [staff, service], writes [manager]. */
public final class AmenityHandler {
    private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9_]{1,49}$");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000");

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
        var in = JsonInput.of(ctx).allowOnly("code", "name", "charge_type", "amount", "active");
        String code = in.requiredString("code", 50);
        if (code != null && !CODE.matcher(code).matches()) in.error("code", "must be lower-case letters, digits and _ (2 to 50), starting with a letter");
        String name = in.requiredString("name", 200);
        String chargeType = in.requiredEnum("charge_type", ChargeType.CODES);
        BigDecimal amount = in.requiredDecimal("amount", 2, BigDecimal.ZERO, MAX_AMOUNT);
        Boolean active = in.optionalBool("active");
        in.validate();

        Amenity created = actions.create(code, new AmenityValues(name, chargeType, amount, active == null || active));
        ctx.status(201).header("Location", "/amenities/" + code).json(created);
    }

    public void update(Context ctx) {
        String code = ctx.pathParam("code");
        var in = JsonInput.of(ctx).allowOnly("version", "code", "name", "charge_type", "amount", "active");
        if (in.has("code")) in.error("code", "cannot change; create a new amenity and deactivate this one");
        Integer version = in.requiredInt("version", 1, Integer.MAX_VALUE);
        String name = in.has("name") ? in.requiredString("name", 200) : null;
        String chargeType = in.has("charge_type") ? in.requiredEnum("charge_type", ChargeType.CODES) : null;
        BigDecimal amount = in.has("amount") ? in.requiredDecimal("amount", 2, BigDecimal.ZERO, MAX_AMOUNT) : null;
        Boolean active = in.has("active") ? in.requiredBool("active") : null;
        in.validate();

        Amenity updated = actions.update(code, version, new AmenityActions.Change(name, chargeType, amount, active));
        ctx.json(updated);
    }
}
