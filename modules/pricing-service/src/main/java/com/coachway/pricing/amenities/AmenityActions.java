package com.coachway.pricing.amenities;

import com.coachway.common.http.ApiException;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;

/** The amenity use cases: reads, and a manager's create and versioned change. */
public final class AmenityActions {
    private static final Logger log = LoggerFactory.getLogger(AmenityActions.class);

    private final DSLContext dsl;

    public AmenityActions(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A patch: null fields keep their value. */
    public record Change(String name, String chargeType, BigDecimal amount, Boolean active) {
    }

    public Page<Amenity> list(Boolean active, PageRequest page) {
        return AmenityStore.list(dsl, active, page);
    }

    public Amenity get(String code) {
        return AmenityStore.find(dsl, code).orElseThrow(() -> ApiException.notFound("Amenity"));
    }

    public Amenity create(String code, AmenityValues values) {
        Amenity created = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            if (!AmenityStore.insert(tx, code, values)) throw ApiException.conflict("Amenity " + code + " already exists");
            return AmenityStore.find(tx, code).orElseThrow();
        });
        log.info("amenity {} created", code);
        return created;
    }

    public Amenity update(String code, int version, Change change) {
        Amenity updated = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            Amenity before = AmenityStore.lock(tx, code).orElseThrow(() -> ApiException.notFound("Amenity"));
            if (before.version() != version) throw ApiException.versionConflict(before.version());
            AmenityStore.update(tx, code, new AmenityValues(
                    change.name() != null ? change.name() : before.name(),
                    change.chargeType() != null ? change.chargeType() : before.chargeType(),
                    change.amount() != null ? change.amount() : before.amount(),
                    change.active() != null ? change.active() : before.active()));
            return AmenityStore.find(tx, code).orElseThrow();
        });
        log.info("amenity {} changed to version {}", code, updated.version());
        return updated;
    }
}
