package com.coachway.dispatch.recoveries;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.dispatch.tables.records.RecoveryRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.dispatch.Tables.RECOVERY;

/** The jOOQ queries for recoveries. Every method runs on the DSLContext it is given. */
public final class RecoveryStore {
    private static final Keyset NEWEST_FIRST = Keyset.of("recoveries", RECOVERY.CREATED_AT.desc(), RECOVERY.ID.desc());

    static Recovery toRecovery(Record r) {
        return new Recovery(r.get(RECOVERY.ID), r.get(RECOVERY.ASSIGNMENT_ID), r.get(RECOVERY.REASON), r.get(RECOVERY.LOCATION),
                r.get(RECOVERY.NOTES), r.get(RECOVERY.STATUS), r.get(RECOVERY.REPLACEMENT_VEHICLE_ID),
                r.get(RECOVERY.REPLACEMENT_DRIVER_ID), r.get(RECOVERY.REPLACEMENT_ASSIGNMENT_ID), r.get(RECOVERY.CREATED_BY),
                r.get(RECOVERY.CREATED_AT), r.get(RECOVERY.UPDATED_AT));
    }

    public Optional<Recovery> find(DSLContext ctx, UUID id) {
        return ctx.selectFrom(RECOVERY).where(RECOVERY.ID.eq(id)).fetchOptional(RecoveryStore::toRecovery);
    }

    public Optional<Recovery> lock(DSLContext tx, UUID id) {
        return tx.selectFrom(RECOVERY).where(RECOVERY.ID.eq(id)).forUpdate().fetchOptional(RecoveryStore::toRecovery);
    }

    public Page<Recovery> list(DSLContext ctx, String status, UUID assignmentId, PageRequest page) {
        Condition where = (status == null ? DSL.noCondition() : RECOVERY.STATUS.eq(status))
                .and(assignmentId == null ? DSL.noCondition() : RECOVERY.ASSIGNMENT_ID.eq(assignmentId));
        int total = ctx.fetchCount(RECOVERY, where);
        return NEWEST_FIRST.page(ctx.selectFrom(RECOVERY).where(where), page, total, RecoveryStore::toRecovery);
    }

    public record Keyed(UUID id, String fingerprint) {
    }

    public Optional<Keyed> byKey(DSLContext ctx, String scope, String key) {
        return ctx.select(RECOVERY.ID, RECOVERY.REQUEST_FINGERPRINT).from(RECOVERY)
                .where(RECOVERY.IDEMPOTENCY_SCOPE.eq(scope), RECOVERY.IDEMPOTENCY_KEY.eq(key))
                .fetchOptional(r -> new Keyed(r.value1(), r.value2()));
    }

    public record NewRecovery(UUID id, UUID assignmentId, String reason, String location, String notes) {
    }

    /** Inserts unless this caller used the key already (true when it inserted). */
    public boolean insertIfNew(DSLContext tx, NewRecovery n, String scope, String key, String fingerprint, String createdBy,
                               OffsetDateTime now) {
        var row = new RecoveryRecord();
        row.setId(n.id());
        row.setAssignmentId(n.assignmentId());
        row.setReason(n.reason());
        row.setLocation(n.location());
        row.setNotes(n.notes());
        row.setStatus("open");
        row.setIdempotencyScope(key == null ? null : scope);
        row.setIdempotencyKey(key);
        row.setRequestFingerprint(key == null ? null : fingerprint);
        row.setCreatedBy(createdBy);
        row.setCreatedAt(now);
        row.setUpdatedAt(now);
        return tx.insertInto(RECOVERY).set(row).onConflict(RECOVERY.IDEMPOTENCY_SCOPE, RECOVERY.IDEMPOTENCY_KEY).doNothing()
                .execute() == 1;
    }

    public void dispatched(DSLContext tx, UUID id, UUID vehicleId, UUID driverId, UUID assignmentId, OffsetDateTime now) {
        tx.update(RECOVERY).set(RECOVERY.STATUS, "dispatched").set(RECOVERY.REPLACEMENT_VEHICLE_ID, vehicleId)
                .set(RECOVERY.REPLACEMENT_DRIVER_ID, driverId).set(RECOVERY.REPLACEMENT_ASSIGNMENT_ID, assignmentId)
                .set(RECOVERY.UPDATED_AT, now).where(RECOVERY.ID.eq(id)).execute();
    }

    public void setStatus(DSLContext tx, UUID id, String status, OffsetDateTime now) {
        tx.update(RECOVERY).set(RECOVERY.STATUS, status).set(RECOVERY.UPDATED_AT, now).where(RECOVERY.ID.eq(id)).execute();
    }

    public void setNotes(DSLContext tx, UUID id, String notes, OffsetDateTime now) {
        tx.update(RECOVERY).set(RECOVERY.NOTES, notes).set(RECOVERY.UPDATED_AT, now).where(RECOVERY.ID.eq(id)).execute();
    }
}
