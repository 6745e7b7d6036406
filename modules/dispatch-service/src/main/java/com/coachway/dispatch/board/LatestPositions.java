package com.coachway.dispatch.board;

import org.jooq.DSLContext;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The last known position of each vehicle, for the board: what tracking keeps in
 * dispatch.vehicle_latest (the newest recorded_at per vehicle). A vehicle never heard from is
 * simply absent from the map.
 */
public interface LatestPositions {
    Map<UUID, Board.Position> of(DSLContext ctx, Collection<UUID> vehicleIds);
}
