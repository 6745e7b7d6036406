package com.coachway.dispatch.board;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@link LatestPositions} read from dispatch.vehicle_latest, the table tracking's migration
 * (V2__tracking.sql) creates. Until that table exists every vehicle is unknown (no position), so
 * the board works before tracking does; the fields are named here rather than taken from the
 * generated classes for the same reason.
 */
public final class VehicleLatestStore implements LatestPositions {
    private static final Table<?> LATEST = DSL.table(DSL.name("dispatch", "vehicle_latest"));
    private static final Field<UUID> VEHICLE_ID = DSL.field(DSL.name("vehicle_id"), SQLDataType.UUID);
    private static final Field<Double> LAT = DSL.field(DSL.name("lat"), SQLDataType.DOUBLE);
    private static final Field<Double> LON = DSL.field(DSL.name("lon"), SQLDataType.DOUBLE);
    private static final Field<Double> SPEED = DSL.field(DSL.name("speed_mph"), SQLDataType.DOUBLE);
    private static final Field<Double> HEADING = DSL.field(DSL.name("heading"), SQLDataType.DOUBLE);
    private static final Field<OffsetDateTime> RECORDED_AT = DSL.field(DSL.name("recorded_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);

    @Override
    public Map<UUID, Board.Position> of(DSLContext ctx, Collection<UUID> vehicleIds) {
        var out = new HashMap<UUID, Board.Position>();
        if (vehicleIds.isEmpty() || !exists(ctx)) return out;
        ctx.select(VEHICLE_ID, LAT, LON, SPEED, HEADING, RECORDED_AT).from(LATEST).where(VEHICLE_ID.in(vehicleIds))
                .forEach(r -> out.put(r.value1(), new Board.Position(r.value2(), r.value3(), r.value4(), r.value5(), r.value6())));
        return out;
    }

    private static boolean exists(DSLContext ctx) {
        return ctx.select(DSL.field("to_regclass({0})", String.class, DSL.inline("dispatch.vehicle_latest"))).fetchOne(0) != null;
    }
}
