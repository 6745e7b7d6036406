package com.coachway.pricing.amenities;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.pricing.tables.records.AmenitiesRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.coachway.db.pricing.Tables.AMENITIES;

/** The jOOQ queries for amenities. Methods taking a DSLContext run in the caller's transaction. */
public final class AmenityStore {
    private final DSLContext dsl;

    public AmenityStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    public record Values(String name, String chargeType, BigDecimal amount, boolean active) {
    }

    private static Amenity toAmenity(AmenitiesRecord r) {
        return new Amenity(r.getCode(), r.getName(), r.getChargeType(), r.getAmount(), r.getActive(),
                r.getVersion(), r.getCreatedAt(), r.getUpdatedAt());
    }

    private static final Keyset BY_CODE = Keyset.of("amenities", AMENITIES.CODE.asc());

    public Page<Amenity> list(Boolean active, PageRequest page) {
        Condition where = active == null ? DSL.noCondition() : AMENITIES.ACTIVE.eq(active);
        int total = dsl.fetchCount(AMENITIES, where);
        return BY_CODE.page(dsl.selectFrom(AMENITIES).where(where), page, total, AmenityStore::toAmenity);
    }

    public Optional<Amenity> find(String code) {
        return find(dsl, code);
    }

    public Optional<Amenity> find(DSLContext tx, String code) {
        return tx.selectFrom(AMENITIES).where(AMENITIES.CODE.eq(code)).fetchOptional(AmenityStore::toAmenity);
    }

    public Optional<Amenity> lock(DSLContext tx, String code) {
        return tx.selectFrom(AMENITIES).where(AMENITIES.CODE.eq(code)).forUpdate().fetchOptional(AmenityStore::toAmenity);
    }

    /** The amenities with these codes (unknown ones absent), by code. */
    public Map<String, Amenity> byCodes(Collection<String> codes) {
        if (codes.isEmpty()) return Map.of();
        return dsl.selectFrom(AMENITIES).where(AMENITIES.CODE.in(codes))
                .fetch(AmenityStore::toAmenity).stream()
                .collect(Collectors.toMap(Amenity::code, Function.identity()));
    }

    /** Inserts unless the code exists; false when it did (a concurrent duplicate included). */
    public boolean insert(DSLContext tx, String code, Values v) {
        return tx.insertInto(AMENITIES)
                .set(AMENITIES.CODE, code).set(AMENITIES.NAME, v.name()).set(AMENITIES.CHARGE_TYPE, v.chargeType())
                .set(AMENITIES.AMOUNT, v.amount()).set(AMENITIES.ACTIVE, v.active())
                .onConflictDoNothing()
                .execute() == 1;
    }

    /** Replaces the values and bumps the version; the caller has locked the row and checked the version. */
    public void update(DSLContext tx, String code, Values v) {
        tx.update(AMENITIES)
                .set(AMENITIES.NAME, v.name()).set(AMENITIES.CHARGE_TYPE, v.chargeType())
                .set(AMENITIES.AMOUNT, v.amount()).set(AMENITIES.ACTIVE, v.active())
                .set(AMENITIES.VERSION, AMENITIES.VERSION.plus(1))
                .set(AMENITIES.UPDATED_AT, OffsetDateTime.now())
                .where(AMENITIES.CODE.eq(code))
                .execute();
    }
}
