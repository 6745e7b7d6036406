package com.coachway.dispatch.board;

import org.jooq.DSLContext;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static com.coachway.db.dispatch.Tables.VEHICLE_LATEST;

/** {@link LatestPositions} read from dispatch.vehicle_latest, which tracking keeps (V2__tracking.sql), by primary key. */
public final class VehicleLatestStore implements LatestPositions {

    @Override
    public Map<UUID, Board.Position> of(DSLContext ctx, Collection<UUID> vehicleIds) {
        var out = new HashMap<UUID, Board.Position>();
        if (vehicleIds.isEmpty()) return out;
        ctx.selectFrom(VEHICLE_LATEST).where(VEHICLE_LATEST.VEHICLE_ID.in(vehicleIds))
                .forEach(r -> out.put(r.getVehicleId(), new Board.Position(r.getLat(), r.getLon(), r.getSpeedMph(), r.getHeading(),
                        r.getRecordedAt())));
        return out;
    }
}
