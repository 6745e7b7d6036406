package com.coachway.pricing.vehicles;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.pricing.tables.records.VehicleTypesRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.coachway.db.pricing.Tables.VEHICLE_TYPES;

/** The jOOQ queries for vehicle types, each run on the context it is given (inside a transaction: its nested one). */
public final class VehicleTypeStore {
    private VehicleTypeStore() {
    }

    private static VehicleType toVehicleType(VehicleTypesRecord r) {
        return new VehicleType(r.getCode(), r.getName(), r.getCapacity(), r.getActive());
    }

    // a handful of rows: no index for this order, a sort of them costs nothing
    private static final Keyset BY_CAPACITY = Keyset.of("vehicle-types", VEHICLE_TYPES.CAPACITY.asc(), VEHICLE_TYPES.CODE.asc());

    public static Page<VehicleType> list(DSLContext db, Boolean active, PageRequest page) {
        Condition where = active == null ? DSL.noCondition() : VEHICLE_TYPES.ACTIVE.eq(active);
        int total = db.fetchCount(VEHICLE_TYPES, where);
        return BY_CAPACITY.page(db.selectFrom(VEHICLE_TYPES).where(where), page, total, VehicleTypeStore::toVehicleType);
    }

    /** The types with these codes (unknown codes are simply absent), by code. */
    public static Map<String, VehicleType> byCodes(DSLContext db, Collection<String> codes) {
        return db.selectFrom(VEHICLE_TYPES).where(VEHICLE_TYPES.CODE.in(codes))
                .fetch(VehicleTypeStore::toVehicleType).stream()
                .collect(Collectors.toMap(VehicleType::code, Function.identity()));
    }

    /**
     * The type's row, locked: every rate-card write of one vehicle type takes this lock first, so
     * the overlap check and the write that follows it cannot interleave with another's.
     */
    public static Optional<VehicleType> lock(DSLContext tx, String code) {
        return tx.selectFrom(VEHICLE_TYPES).where(VEHICLE_TYPES.CODE.eq(code)).forUpdate()
                .fetchOptional(VehicleTypeStore::toVehicleType);
    }
}
