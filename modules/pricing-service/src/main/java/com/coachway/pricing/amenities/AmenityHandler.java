package com.coachway.pricing.amenities;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.JsonInput;
import com.coachway.common.http.Query;
import io.javalin.http.Context;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;

/** Amenities: reads [staff, service], writes [manager]. */
public final class AmenityHandler {
    private static final Logger log = LoggerFactory.getLogger(AmenityHandler.class);

    private final DSLContext dsl;
    private final AmenityStore amenities;

    public AmenityHandler(DSLContext dsl, AmenityStore amenities) {
        this.dsl = dsl;
        this.amenities = amenities;
    }

    public void list(Context ctx) {
        var q = Query.of(ctx);
        Boolean active = q.bool("active");
        var page = q.page();
        q.validate();
        ctx.json(amenities.list(active, page));
    }

    public void get(Context ctx) {
        ctx.json(amenities.find(ctx.pathParam("code")).orElseThrow(() -> ApiException.notFound("Amenity")));
    }

    public void create(Context ctx) {
        var in = JsonInput.of(ctx);
        String code = in.requiredString("code");
        String name = in.requiredString("name");
        String chargeType = in.requiredEnum("charge_type", ChargeType.CODES);
        BigDecimal amount = in.requiredDecimal("amount", 2);
        Boolean active = in.optionalBool("active");
        in.validate();

        var values = new AmenityStore.Values(name, chargeType, amount, active == null || active);
        Amenity created = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            if (!amenities.insert(tx, code, values)) throw ApiException.conflict("Amenity " + code + " already exists");
            return amenities.find(tx, code).orElseThrow();
        });
        log.info("amenity {} created", code);
        ctx.status(201).header("Location", "/amenities/" + code).json(created);
    }

    public void update(Context ctx) {
        String code = ctx.pathParam("code");
        var in = JsonInput.of(ctx);
        Integer version = in.requiredInt("version");
        String name = in.has("name") ? in.requiredString("name") : null;
        String chargeType = in.has("charge_type") ? in.requiredEnum("charge_type", ChargeType.CODES) : null;
        BigDecimal amount = in.has("amount") ? in.requiredDecimal("amount", 2) : null;
        Boolean active = in.has("active") ? in.requiredBool("active") : null;
        in.validate();

        Amenity updated = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            Amenity before = amenities.lock(tx, code).orElseThrow(() -> ApiException.notFound("Amenity"));
            if (before.version() != version) throw ApiException.versionConflict(before.version());
            amenities.update(tx, code, new AmenityStore.Values(
                    name != null ? name : before.name(),
                    chargeType != null ? chargeType : before.chargeType(),
                    amount != null ? amount : before.amount(),
                    active != null ? active : before.active()));
            return amenities.find(tx, code).orElseThrow();
        });
        log.info("amenity {} changed to version {}", code, updated.version());
        ctx.json(updated);
    }
}
