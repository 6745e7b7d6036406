package com.coachway.dispatch.tracking;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.dispatch.Routines;
import com.coachway.dispatch.access.DriverScope;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.dispatch.Tables.ASSIGNMENT;
import static com.coachway.db.dispatch.Tables.VEHICLE_LATEST;
import static com.coachway.db.dispatch.Tables.VEHICLE_POSITION;

/** The jOOQ queries for positions, latest positions and the trips they belong to. Every method runs on the DSLContext it is given. */
public final class TrackingStore {
    /** One vehicle's track: recorded_at is unique per vehicle, so it orders the page alone. */
    private static final Keyset OLDEST_FIRST = Keyset.of("track", VEHICLE_POSITION.RECORDED_AT.asc());

    /**
     * Stores the positions not stored yet, in one statement; a key already there (a retried
     * batch) or repeated in the batch is skipped. The number stored. The rows go as one array per
     * column, unnested side by side ({@code select unnest(?), unnest(?), …}: equal lengths zip):
     * eight binds whatever the batch size, where multi-row VALUES binds eight per row. Measured
     * through JDBC against 10M stored rows (PostgreSQL 17): 500 rows 10 ms p50 against 15 ms;
     * 5 rows the same, about 2.5 ms, most of it jOOQ's own work.
     */
    public int insert(DSLContext tx, List<Reported> positions, OffsetDateTime receivedAt) {
        if (positions.isEmpty()) return 0;
        var select = DSL.select(
                unnest(positions.stream().map(Reported::vehicleId).toArray(UUID[]::new), VEHICLE_POSITION.VEHICLE_ID),
                unnest(positions.stream().map(Reported::recordedAt).toArray(OffsetDateTime[]::new), VEHICLE_POSITION.RECORDED_AT),
                unnest(positions.stream().map(Reported::lat).toArray(Double[]::new), VEHICLE_POSITION.LAT),
                unnest(positions.stream().map(Reported::lon).toArray(Double[]::new), VEHICLE_POSITION.LON),
                unnest(positions.stream().map(Reported::speedMph).toArray(Double[]::new), VEHICLE_POSITION.SPEED_MPH),
                unnest(positions.stream().map(Reported::heading).toArray(Double[]::new), VEHICLE_POSITION.HEADING),
                unnest(positions.stream().map(Reported::assignmentId).toArray(UUID[]::new), VEHICLE_POSITION.ASSIGNMENT_ID),
                DSL.val(receivedAt, VEHICLE_POSITION.RECEIVED_AT));
        return tx.insertInto(VEHICLE_POSITION, VEHICLE_POSITION.VEHICLE_ID, VEHICLE_POSITION.RECORDED_AT, VEHICLE_POSITION.LAT,
                        VEHICLE_POSITION.LON, VEHICLE_POSITION.SPEED_MPH, VEHICLE_POSITION.HEADING, VEHICLE_POSITION.ASSIGNMENT_ID,
                        VEHICLE_POSITION.RECEIVED_AT)
                .select(select)
                .onConflictDoNothing()
                .execute();
    }

    /** {@code unnest(?::type[])} of one column's values, typed as the column. */
    private static <T> Field<T> unnest(T[] values, Field<T> column) {
        return DSL.function("unnest", column.getDataType(), DSL.val(values, column.getDataType().array()));
    }

    /**
     * Moves each vehicle's latest to its newest position of the batch (one row per vehicle, in
     * vehicle order), only where that is newer than the latest kept: a late upload never moves it back.
     */
    public void advanceLatest(DSLContext tx, List<Reported> newestPerVehicle, OffsetDateTime now) {
        if (newestPerVehicle.isEmpty()) return;
        var insert = tx.insertInto(VEHICLE_LATEST, VEHICLE_LATEST.VEHICLE_ID, VEHICLE_LATEST.LAT, VEHICLE_LATEST.LON,
                VEHICLE_LATEST.SPEED_MPH, VEHICLE_LATEST.HEADING, VEHICLE_LATEST.RECORDED_AT, VEHICLE_LATEST.ASSIGNMENT_ID,
                VEHICLE_LATEST.UPDATED_AT);
        for (Reported r : newestPerVehicle) {
            insert = insert.values(r.vehicleId(), r.lat(), r.lon(), r.speedMph(), r.heading(), r.recordedAt(), r.assignmentId(), now);
        }
        insert.onConflict(VEHICLE_LATEST.VEHICLE_ID).doUpdate()
                .set(VEHICLE_LATEST.LAT, DSL.excluded(VEHICLE_LATEST.LAT))
                .set(VEHICLE_LATEST.LON, DSL.excluded(VEHICLE_LATEST.LON))
                .set(VEHICLE_LATEST.SPEED_MPH, DSL.excluded(VEHICLE_LATEST.SPEED_MPH))
                .set(VEHICLE_LATEST.HEADING, DSL.excluded(VEHICLE_LATEST.HEADING))
                .set(VEHICLE_LATEST.RECORDED_AT, DSL.excluded(VEHICLE_LATEST.RECORDED_AT))
                .set(VEHICLE_LATEST.ASSIGNMENT_ID, DSL.excluded(VEHICLE_LATEST.ASSIGNMENT_ID))
                .set(VEHICLE_LATEST.UPDATED_AT, DSL.excluded(VEHICLE_LATEST.UPDATED_AT))
                .where(DSL.excluded(VEHICLE_LATEST.RECORDED_AT).gt(VEHICLE_LATEST.RECORDED_AT))
                .execute();
    }

    public Optional<VehiclePosition> latest(DSLContext ctx, UUID vehicleId) {
        return ctx.selectFrom(VEHICLE_LATEST).where(VEHICLE_LATEST.VEHICLE_ID.eq(vehicleId))
                .fetchOptional(r -> new VehiclePosition(r.getVehicleId(), r.getAssignmentId(), r.getLat(), r.getLon(), r.getSpeedMph(),
                        r.getHeading(), r.getRecordedAt()));
    }

    /** The page of the vehicle's positions recorded in [from, to), oldest first. */
    public Page<VehiclePosition> track(DSLContext ctx, UUID vehicleId, TrackingRules.Span span, PageRequest page) {
        Condition where = VEHICLE_POSITION.VEHICLE_ID.eq(vehicleId)
                .and(VEHICLE_POSITION.RECORDED_AT.ge(span.from())).and(VEHICLE_POSITION.RECORDED_AT.lt(span.to()));
        int total = ctx.fetchCount(VEHICLE_POSITION, where);
        return OLDEST_FIRST.page(ctx.selectFrom(VEHICLE_POSITION).where(where), page, total, TrackingStore::toPosition);
    }

    private static VehiclePosition toPosition(Record r) {
        return new VehiclePosition(r.get(VEHICLE_POSITION.VEHICLE_ID), r.get(VEHICLE_POSITION.ASSIGNMENT_ID), r.get(VEHICLE_POSITION.LAT),
                r.get(VEHICLE_POSITION.LON), r.get(VEHICLE_POSITION.SPEED_MPH), r.get(VEHICLE_POSITION.HEADING),
                r.get(VEHICLE_POSITION.RECORDED_AT));
    }

    // ---- the trips positions belong to ----

    private static TripWindow toWindow(Record r) {
        return new TripWindow(r.get(ASSIGNMENT.ID), r.get(ASSIGNMENT.DRIVER_ID), r.get(ASSIGNMENT.VEHICLE_ID), r.get(ASSIGNMENT.STARTS_AT),
                r.get(ASSIGNMENT.ENDS_AT), !"cancelled".equals(r.get(ASSIGNMENT.STATUS)));
    }

    public Optional<TripWindow> trip(DSLContext ctx, DriverScope scope, UUID id) {
        return ctx.select(ASSIGNMENT.ID, ASSIGNMENT.DRIVER_ID, ASSIGNMENT.VEHICLE_ID, ASSIGNMENT.STARTS_AT, ASSIGNMENT.ENDS_AT,
                        ASSIGNMENT.STATUS)
                .from(ASSIGNMENT).where(ASSIGNMENT.ID.eq(id), scope.where(ASSIGNMENT.DRIVER_ID))
                .fetchOptional(TrackingStore::toWindow);
    }

    /** These assignments (of the scope's driver only). */
    public List<TripWindow> trips(DSLContext ctx, DriverScope scope, Collection<UUID> ids) {
        if (ids.isEmpty()) return List.of();
        return ctx.select(ASSIGNMENT.ID, ASSIGNMENT.DRIVER_ID, ASSIGNMENT.VEHICLE_ID, ASSIGNMENT.STARTS_AT, ASSIGNMENT.ENDS_AT,
                        ASSIGNMENT.STATUS)
                .from(ASSIGNMENT).where(ASSIGNMENT.ID.in(ids), scope.where(ASSIGNMENT.DRIVER_ID))
                .fetch(TrackingStore::toWindow);
    }

    /** The live assignments of these vehicles (of the scope's driver only) whose window overlaps [from, to). */
    public List<TripWindow> liveTrips(DSLContext ctx, DriverScope scope, Collection<UUID> vehicleIds, OffsetDateTime from,
                                      OffsetDateTime to) {
        if (vehicleIds.isEmpty()) return List.of();
        return ctx.select(ASSIGNMENT.ID, ASSIGNMENT.DRIVER_ID, ASSIGNMENT.VEHICLE_ID, ASSIGNMENT.STARTS_AT, ASSIGNMENT.ENDS_AT,
                        ASSIGNMENT.STATUS)
                .from(ASSIGNMENT)
                .where(ASSIGNMENT.VEHICLE_ID.in(vehicleIds), scope.where(ASSIGNMENT.DRIVER_ID), ASSIGNMENT.STATUS.ne("cancelled"),
                        ASSIGNMENT.STARTS_AT.lt(to), ASSIGNMENT.ENDS_AT.gt(from))
                .fetch(TrackingStore::toWindow);
    }

    // ---- partitions ----

    /** Creates the day partitions of [from, to] that are missing (dispatch.ensure_position_partitions); how many it made. */
    public int ensurePartitions(DSLContext ctx, LocalDate from, LocalDate to) {
        Integer made = Routines.ensurePositionPartitions(ctx.configuration(), from, to);
        return made == null ? 0 : made;
    }
}
