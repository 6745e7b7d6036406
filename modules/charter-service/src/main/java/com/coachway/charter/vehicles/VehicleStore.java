package com.coachway.charter.vehicles;

import com.coachway.charter.charters.CharterStatus;
import com.coachway.charter.charters.VehicleLookup;
import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.charter.tables.records.VehiclesRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.charter.Tables.CHARTERS;
import static com.coachway.db.charter.Tables.CHARTER_VEHICLE_LINES;
import static com.coachway.db.charter.Tables.VEHICLES;

/** The jOOQ queries for vehicles. Every method runs on the DSLContext it is given: the pool's, or a transaction's own. */
public final class VehicleStore implements VehicleLookup {

    private static Vehicle toVehicle(Record r) {
        return new Vehicle(r.get(VEHICLES.ID), r.get(VEHICLES.VENDOR_ID), r.get(VEHICLES.VEHICLE_TYPE),
                r.get(VEHICLES.CAPACITY), r.get(VEHICLES.MAKE), r.get(VEHICLES.MODEL), r.get(VEHICLES.YEAR),
                r.get(VEHICLES.PLATE), r.get(VEHICLES.VIN), List.of(r.get(VEHICLES.AMENITIES)), r.get(VEHICLES.STATUS),
                r.get(VEHICLES.VERSION), r.get(VEHICLES.CREATED_AT), r.get(VEHICLES.UPDATED_AT));
    }

    public Optional<Vehicle> find(DSLContext ctx, UUID id) {
        return ctx.selectFrom(VEHICLES).where(VEHICLES.ID.eq(id)).fetchOptional(VehicleStore::toVehicle);
    }

    public Optional<Vehicle> lock(DSLContext tx, UUID id) {
        return tx.selectFrom(VEHICLES).where(VEHICLES.ID.eq(id)).forUpdate().fetchOptional(VehicleStore::toVehicle);
    }

    @Override
    public Optional<Fit> lockForAssignment(DSLContext tx, UUID vehicleId) {
        return tx.select(VEHICLES.STATUS, VEHICLES.VEHICLE_TYPE, VEHICLES.CAPACITY).from(VEHICLES)
                .where(VEHICLES.ID.eq(vehicleId)).forShare()
                .fetchOptional(r -> new Fit(r.value1(), r.value2(), r.value3()));
    }

    public record Filter(String status, String vehicleType, UUID vendorId, String q, OffsetDateTime availableFrom,
                         OffsetDateTime availableTo) {
    }

    private static final Keyset BY_PLATE = Keyset.of("vehicles", VEHICLES.PLATE.asc(), VEHICLES.ID.asc());

    public Page<Vehicle> list(DSLContext ctx, Filter f, PageRequest page) {
        var conditions = new ArrayList<Condition>();
        if (f.status() != null) conditions.add(VEHICLES.STATUS.eq(f.status()));
        if (f.vehicleType() != null) conditions.add(VEHICLES.VEHICLE_TYPE.eq(f.vehicleType()));
        if (f.vendorId() != null) conditions.add(VEHICLES.VENDOR_ID.eq(f.vendorId()));
        if (f.q() != null) {
            String like = "%" + f.q().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            conditions.add(DSL.or(DSL.lower(VEHICLES.PLATE).like(like, '\\'), DSL.lower(VEHICLES.VIN).like(like, '\\'),
                    DSL.lower(VEHICLES.MAKE).like(like, '\\'), DSL.lower(VEHICLES.MODEL).like(like, '\\')));
        }
        if (f.availableFrom() != null && f.availableTo() != null) {
            // Half-open windows [from, to) overlap exactly when each starts before the other ends.
            conditions.add(DSL.notExists(DSL.selectOne().from(CHARTER_VEHICLE_LINES)
                    .where(CHARTER_VEHICLE_LINES.VEHICLE_ID.eq(VEHICLES.ID),
                            CHARTER_VEHICLE_LINES.HELD_FROM.lt(f.availableTo()),
                            CHARTER_VEHICLE_LINES.HELD_TO.gt(f.availableFrom()))));
        }
        Condition where = DSL.and(conditions);
        int total = ctx.fetchCount(VEHICLES, where);
        return BY_PLATE.page(ctx.selectFrom(VEHICLES).where(where), page, total, VehicleStore::toVehicle);
    }

    public boolean plateTaken(DSLContext tx, String plate, UUID exceptId) {
        Condition c = DSL.upper(VEHICLES.PLATE).eq(plate.toUpperCase(Locale.ROOT));
        if (exceptId != null) c = c.and(VEHICLES.ID.ne(exceptId));
        return tx.fetchExists(VEHICLES, c);
    }

    public boolean vinTaken(DSLContext tx, String vin, UUID exceptId) {
        Condition c = VEHICLES.VIN.eq(vin);
        if (exceptId != null) c = c.and(VEHICLES.ID.ne(exceptId));
        return tx.fetchExists(VEHICLES, c);
    }

    /** The lines the vehicle serves now: their types and seats bind what the vehicle may become. */
    public record Held(String vehicleType, int capacity) {
    }

    public List<Held> heldBy(DSLContext tx, UUID vehicleId) {
        return tx.select(CHARTER_VEHICLE_LINES.VEHICLE_TYPE, CHARTER_VEHICLE_LINES.CAPACITY).from(CHARTER_VEHICLE_LINES)
                .where(CHARTER_VEHICLE_LINES.VEHICLE_ID.eq(vehicleId))
                .fetch(r -> new Held(r.value1(), r.value2()));
    }

    /** References of the not yet finished charters this vehicle is assigned to, soonest first. */
    public List<String> upcomingCharters(DSLContext tx, UUID vehicleId, OffsetDateTime now) {
        return tx.select(CHARTERS.REFERENCE).from(CHARTER_VEHICLE_LINES)
                .join(CHARTERS).on(CHARTERS.ID.eq(CHARTER_VEHICLE_LINES.CHARTER_ID))
                .where(CHARTER_VEHICLE_LINES.VEHICLE_ID.eq(vehicleId), CHARTER_VEHICLE_LINES.HELD_TO.gt(now),
                        CHARTERS.STATUS.notIn(CharterStatus.COMPLETED.code(), CharterStatus.CANCELLED.code()))
                .orderBy(CHARTER_VEHICLE_LINES.HELD_FROM)
                .fetch(CHARTERS.REFERENCE);
    }

    public record Values(UUID vendorId, String vehicleType, int capacity, String make, String model, int year,
                         String plate, String vin, List<String> amenities, String status) {
    }

    /** The row's columns from the values: what insert and update both write. */
    private static VehiclesRecord record(Values v, OffsetDateTime now) {
        var row = new VehiclesRecord();
        row.setVendorId(v.vendorId());
        row.setVehicleType(v.vehicleType());
        row.setCapacity(v.capacity());
        row.setMake(v.make());
        row.setModel(v.model());
        row.setYear(v.year());
        row.setPlate(v.plate());
        row.setVin(v.vin());
        row.setAmenities(v.amenities().toArray(String[]::new));
        row.setStatus(v.status());
        row.setUpdatedAt(now);
        return row;
    }

    public void insert(DSLContext tx, UUID id, Values v, OffsetDateTime now) {
        var row = record(v, now);
        row.setId(id);
        row.setCreatedAt(now);
        tx.insertInto(VEHICLES).set(row).execute();
    }

    /** Applies the values and bumps the version; the caller has locked the row and checked the version. */
    public void update(DSLContext tx, UUID id, Values v, OffsetDateTime now) {
        tx.update(VEHICLES).set(record(v, now)).set(VEHICLES.VERSION, VEHICLES.VERSION.plus(1))
                .where(VEHICLES.ID.eq(id))
                .execute();
    }

    public void delete(DSLContext tx, UUID id) {
        tx.deleteFrom(VEHICLES).where(VEHICLES.ID.eq(id)).execute();
    }
}
