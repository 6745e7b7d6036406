package com.coachway.dispatch.assignments;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.dispatch.tables.records.AssignmentRecord;
import com.coachway.dispatch.access.DriverScope;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.dispatch.Tables.ASSIGNMENT;

/** The jOOQ queries for assignments. Every method runs on the DSLContext it is given. */
public final class AssignmentStore {
    private static final Keyset BY_START = Keyset.of("assignments", ASSIGNMENT.STARTS_AT.asc(), ASSIGNMENT.ID.asc());
    private static final String EXCLUSION_VIOLATION = "23P01";
    /** Constraint names in V1__dispatch.sql: the overlap a failed insert ran into. */
    public static final String DRIVER_OVERLAP = "assignment_driver_overlap";
    public static final String VEHICLE_OVERLAP = "assignment_vehicle_overlap";

    private static final Condition LIVE = ASSIGNMENT.STATUS.ne("cancelled");

    static Assignment toAssignment(Record r) {
        return new Assignment(r.get(ASSIGNMENT.ID), r.get(ASSIGNMENT.CHARTER_ID), r.get(ASSIGNMENT.DRIVER_ID),
                r.get(ASSIGNMENT.VEHICLE_ID), r.get(ASSIGNMENT.STARTS_AT), r.get(ASSIGNMENT.ENDS_AT), r.get(ASSIGNMENT.DRIVING_HOURS),
                r.get(ASSIGNMENT.STATUS), r.get(ASSIGNMENT.REPLACED_BY), r.get(ASSIGNMENT.CANCEL_REASON),
                r.get(ASSIGNMENT.CANCELLED_AT), r.get(ASSIGNMENT.CREATED_BY), r.get(ASSIGNMENT.CREATED_AT),
                r.get(ASSIGNMENT.UPDATED_AT));
    }

    public Optional<Assignment> find(DSLContext ctx, DriverScope scope, UUID id) {
        return ctx.selectFrom(ASSIGNMENT).where(ASSIGNMENT.ID.eq(id), scope.where(ASSIGNMENT.DRIVER_ID))
                .fetchOptional(AssignmentStore::toAssignment);
    }

    /** Locks the assignment's row (its events, cancel and recoveries queue here) and reads it. */
    public Optional<Assignment> lock(DSLContext tx, DriverScope scope, UUID id) {
        return tx.selectFrom(ASSIGNMENT).where(ASSIGNMENT.ID.eq(id), scope.where(ASSIGNMENT.DRIVER_ID)).forUpdate()
                .fetchOptional(AssignmentStore::toAssignment);
    }

    /** {@code from}/{@code to}: windows overlapping [from, to), e.g. a calendar day. */
    public record Filter(OffsetDateTime from, OffsetDateTime to, UUID driverId, UUID charterId, UUID vehicleId, String status) {
    }

    public Page<Assignment> list(DSLContext ctx, DriverScope scope, Filter f, PageRequest page) {
        var conditions = new ArrayList<Condition>();
        conditions.add(scope.where(ASSIGNMENT.DRIVER_ID));
        if (f.from() != null) conditions.add(ASSIGNMENT.ENDS_AT.gt(f.from()).and(ASSIGNMENT.STARTS_AT.lt(f.to())));
        if (f.driverId() != null) conditions.add(ASSIGNMENT.DRIVER_ID.eq(f.driverId()));
        if (f.charterId() != null) conditions.add(ASSIGNMENT.CHARTER_ID.eq(f.charterId()));
        if (f.vehicleId() != null) conditions.add(ASSIGNMENT.VEHICLE_ID.eq(f.vehicleId()));
        if (f.status() != null) conditions.add(ASSIGNMENT.STATUS.eq(f.status()));
        Condition where = DSL.and(conditions);
        int total = ctx.fetchCount(ASSIGNMENT, where);
        return BY_START.page(ctx.selectFrom(ASSIGNMENT).where(where), page, total, AssignmentStore::toAssignment);
    }

    /** The driver's live assignments overlapping [from, to), as duty periods, but {@code except}. */
    public List<DutyRule.Period> duty(DSLContext tx, UUID driverId, OffsetDateTime from, OffsetDateTime to, UUID except) {
        return tx.select(ASSIGNMENT.ID, ASSIGNMENT.STARTS_AT, ASSIGNMENT.ENDS_AT, ASSIGNMENT.DRIVING_HOURS).from(ASSIGNMENT)
                .where(ASSIGNMENT.DRIVER_ID.eq(driverId), LIVE, ASSIGNMENT.ENDS_AT.gt(from), ASSIGNMENT.STARTS_AT.lt(to),
                        except == null ? DSL.noCondition() : ASSIGNMENT.ID.ne(except))
                .orderBy(ASSIGNMENT.STARTS_AT)
                .fetch(r -> new DutyRule.Period(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** A live assignment of this driver (or vehicle) whose window overlaps [from, to). */
    public Optional<Assignment> overlapping(DSLContext tx, boolean ofDriver, UUID id, OffsetDateTime from, OffsetDateTime to) {
        Field<UUID> column = ofDriver ? ASSIGNMENT.DRIVER_ID : ASSIGNMENT.VEHICLE_ID;
        return tx.selectFrom(ASSIGNMENT)
                .where(column.eq(id), LIVE, ASSIGNMENT.STARTS_AT.lt(to), ASSIGNMENT.ENDS_AT.gt(from))
                .orderBy(ASSIGNMENT.STARTS_AT).limit(1)
                .fetchOptional(AssignmentStore::toAssignment);
    }

    /** The live assignments of these charters, by start (the board). */
    public List<Assignment> liveOfCharters(DSLContext ctx, Collection<UUID> charterIds) {
        if (charterIds.isEmpty()) return List.of();
        return ctx.selectFrom(ASSIGNMENT).where(ASSIGNMENT.CHARTER_ID.in(charterIds), LIVE)
                .orderBy(ASSIGNMENT.STARTS_AT, ASSIGNMENT.ID).fetch(AssignmentStore::toAssignment);
    }

    /**
     * Locks every live assignment of a charter, in id order (so two trips of one charter finishing
     * together queue instead of deadlocking), and reads them.
     */
    public List<Assignment> lockLiveOfCharter(DSLContext tx, UUID charterId) {
        return tx.selectFrom(ASSIGNMENT).where(ASSIGNMENT.CHARTER_ID.eq(charterId), LIVE)
                .orderBy(ASSIGNMENT.ID).forUpdate().fetch(AssignmentStore::toAssignment);
    }

    public record Keyed(UUID id, String fingerprint) {
    }

    public Optional<Keyed> byKey(DSLContext ctx, String scope, String key) {
        return ctx.select(ASSIGNMENT.ID, ASSIGNMENT.REQUEST_FINGERPRINT).from(ASSIGNMENT)
                .where(ASSIGNMENT.IDEMPOTENCY_SCOPE.eq(scope), ASSIGNMENT.IDEMPOTENCY_KEY.eq(key))
                .fetchOptional(r -> new Keyed(r.value1(), r.value2()));
    }

    public record NewAssignment(UUID id, UUID charterId, UUID driverId, UUID vehicleId, OffsetDateTime startsAt,
                                OffsetDateTime endsAt, BigDecimal drivingHours, String status) {
    }

    /** What a failed insert ran into: the driver's or the vehicle's overlap. */
    public static final class Overlap extends RuntimeException {
        private final boolean driver;

        Overlap(boolean driver) {
            super(driver ? DRIVER_OVERLAP : VEHICLE_OVERLAP, null, false, false);
            this.driver = driver;
        }

        public boolean driver() {
            return driver;
        }
    }

    /**
     * Inserts the assignment unless this caller already used the key (true when it inserted).
     * The exclusion constraints refuse an overlapping live window whatever ran concurrently: a
     * competing insert waits for the other's commit and then fails here, as an {@link Overlap}.
     */
    public boolean insertIfNew(DSLContext tx, NewAssignment a, String scope, String key, String fingerprint, String createdBy,
                               OffsetDateTime now) {
        var row = new AssignmentRecord();
        row.setId(a.id());
        row.setCharterId(a.charterId());
        row.setDriverId(a.driverId());
        row.setVehicleId(a.vehicleId());
        row.setStartsAt(a.startsAt());
        row.setEndsAt(a.endsAt());
        row.setDrivingHours(a.drivingHours());
        row.setStatus(a.status());
        row.setIdempotencyScope(key == null ? null : scope);
        row.setIdempotencyKey(key);
        row.setRequestFingerprint(key == null ? null : fingerprint);
        row.setCreatedBy(createdBy);
        row.setCreatedAt(now);
        row.setUpdatedAt(now);
        try {
            // the conflict target is the key only: an overlap must fail, not be skipped silently
            return tx.insertInto(ASSIGNMENT).set(row)
                    .onConflict(ASSIGNMENT.IDEMPOTENCY_SCOPE, ASSIGNMENT.IDEMPOTENCY_KEY).doNothing().execute() == 1;
        } catch (DataAccessException e) {
            SQLException sql = e.getCause(SQLException.class);
            if (sql != null && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                throw new Overlap(!String.valueOf(sql.getMessage()).contains(VEHICLE_OVERLAP));
            }
            throw e;
        }
    }

    public void setStatus(DSLContext tx, UUID id, String status, OffsetDateTime now) {
        tx.update(ASSIGNMENT).set(ASSIGNMENT.STATUS, status).set(ASSIGNMENT.UPDATED_AT, now).where(ASSIGNMENT.ID.eq(id)).execute();
    }

    public void cancel(DSLContext tx, UUID id, String reason, OffsetDateTime now) {
        tx.update(ASSIGNMENT).set(ASSIGNMENT.STATUS, "cancelled").set(ASSIGNMENT.CANCEL_REASON, reason)
                .set(ASSIGNMENT.CANCELLED_AT, now).set(ASSIGNMENT.UPDATED_AT, now).where(ASSIGNMENT.ID.eq(id)).execute();
    }

    /** Ends the assignment early at {@code endsAt} (a recovery's handover), with the driving that fits. */
    public void endEarly(DSLContext tx, UUID id, OffsetDateTime endsAt, BigDecimal drivingHours, OffsetDateTime now) {
        tx.update(ASSIGNMENT).set(ASSIGNMENT.ENDS_AT, endsAt).set(ASSIGNMENT.DRIVING_HOURS, drivingHours)
                .set(ASSIGNMENT.UPDATED_AT, now).where(ASSIGNMENT.ID.eq(id)).execute();
    }

    public void setReplacedBy(DSLContext tx, UUID id, UUID replacement, OffsetDateTime now) {
        tx.update(ASSIGNMENT).set(ASSIGNMENT.REPLACED_BY, replacement).set(ASSIGNMENT.UPDATED_AT, now)
                .where(ASSIGNMENT.ID.eq(id)).execute();
    }
}
