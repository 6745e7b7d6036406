package com.coachway.pricing.vehicles;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
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

/** The jOOQ queries for vehicle types. Methods taking a DSLContext run in the caller's transaction. */
public final class VehicleTypeStore {
    private final DSLContext dsl;

    public VehicleTypeStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    private static VehicleType toVehicleType(com.coachway.db.pricing.tables.records.VehicleTypesRecord r) {
        return new VehicleType(r.getCode(), r.getName(), r.getCapacity(), r.getActive());
    }

    // a handful of rows: no index for this order, a sort of them costs nothing
    private static final Keyset BY_CAPACITY = Keyset.of("vehicle-types", VEHICLE_TYPES.CAPACITY.asc(), VEHICLE_TYPES.CODE.asc());

    public Page<VehicleType> list(Boolean active, PageRequest page) {
        Condition where = active == null ? DSL.noCondition() : VEHICLE_TYPES.ACTIVE.eq(active);
        int total = dsl.fetchCount(VEHICLE_TYPES, where);
        return BY_CAPACITY.page(dsl.selectFrom(VEHICLE_TYPES).where(where), page, total, VehicleTypeStore::toVehicleType);
    }

    /** The types with these codes (unknown codes are simply absent), by code. */
    public Map<String, VehicleType> byCodes(Collection<String> codes) {
        return dsl.selectFrom(VEHICLE_TYPES).where(VEHICLE_TYPES.CODE.in(codes))
                .fetch(VehicleTypeStore::toVehicleType).stream()
                .collect(Collectors.toMap(VehicleType::code, Function.identity()));
    }

    /**
     * The type's row, locked: every rate-card write of one vehicle type takes this lock first, so
     * the overlap check and the write that follows it cannot interleave with another's.
     */
    public Optional<VehicleType> lock(DSLContext tx, String code) {
        return tx.selectFrom(VEHICLE_TYPES).where(VEHICLE_TYPES.CODE.eq(code)).forUpdate()
                .fetchOptional(VehicleTypeStore::toVehicleType);
    }
}
