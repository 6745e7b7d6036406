package com.coachway.pricing.amenities;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.pricing.tables.records.AmenitiesRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.coachway.db.pricing.Tables.AMENITIES;

/** The jOOQ queries for amenities, each run on the context it is given (inside a transaction: its nested one). */
public final class AmenityStore {
    private AmenityStore() {
    }

    private static Amenity toAmenity(AmenitiesRecord r) {
        return new Amenity(r.getCode(), r.getName(), r.getChargeType(), r.getAmount(), r.getActive(),
                r.getVersion(), r.getCreatedAt(), r.getUpdatedAt());
    }

    /** The columns the values fill, alike on insert and update. */
    private static AmenitiesRecord record(AmenityValues v) {
        var r = new AmenitiesRecord();
        r.setName(v.name());
        r.setChargeType(v.chargeType());
        r.setAmount(v.amount());
        r.setActive(v.active());
        return r;
    }

    private static final Keyset BY_CODE = Keyset.of("amenities", AMENITIES.CODE.asc());

    public static Page<Amenity> list(DSLContext db, Boolean active, PageRequest page) {
        Condition where = active == null ? DSL.noCondition() : AMENITIES.ACTIVE.eq(active);
        int total = db.fetchCount(AMENITIES, where);
        return BY_CODE.page(db.selectFrom(AMENITIES).where(where), page, total, AmenityStore::toAmenity);
    }

    public static Optional<Amenity> find(DSLContext db, String code) {
        return db.selectFrom(AMENITIES).where(AMENITIES.CODE.eq(code)).fetchOptional(AmenityStore::toAmenity);
    }

    public static Optional<Amenity> lock(DSLContext tx, String code) {
        return tx.selectFrom(AMENITIES).where(AMENITIES.CODE.eq(code)).forUpdate().fetchOptional(AmenityStore::toAmenity);
    }

    /** The amenities with these codes (unknown ones absent), by code. */
    public static Map<String, Amenity> byCodes(DSLContext db, Collection<String> codes) {
        if (codes.isEmpty()) return Map.of();
        return db.selectFrom(AMENITIES).where(AMENITIES.CODE.in(codes))
                .fetch(AmenityStore::toAmenity).stream()
                .collect(Collectors.toMap(Amenity::code, Function.identity()));
    }

    /** Inserts unless the code exists; false when it did (a concurrent duplicate included). */
    public static boolean insert(DSLContext tx, String code, AmenityValues v) {
        AmenitiesRecord r = record(v);
        r.setCode(code);
        return tx.insertInto(AMENITIES).set(r).onConflictDoNothing().execute() == 1;
    }

    /** Replaces the values and bumps the version; the caller has locked the row and checked the version. */
    public static void update(DSLContext tx, String code, AmenityValues v) {
        tx.update(AMENITIES)
                .set(record(v))
                .set(AMENITIES.VERSION, AMENITIES.VERSION.plus(1))
                .set(AMENITIES.UPDATED_AT, OffsetDateTime.now())
                .where(AMENITIES.CODE.eq(code))
                .execute();
    }
}
