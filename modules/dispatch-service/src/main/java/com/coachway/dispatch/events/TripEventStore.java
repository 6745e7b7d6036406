package com.coachway.dispatch.events;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.dispatch.tables.records.TripEventRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.dispatch.Tables.TRIP_EVENT;

/** The jOOQ queries for trip events. Every method runs on the DSLContext it is given. */
public final class TripEventStore {
    private static final Keyset OLDEST_FIRST = Keyset.of("trip_events", TRIP_EVENT.CREATED_AT.asc(), TRIP_EVENT.ID.asc());

    static TripEvent toEvent(Record r) {
        return new TripEvent(r.get(TRIP_EVENT.ID), r.get(TRIP_EVENT.ASSIGNMENT_ID), r.get(TRIP_EVENT.TYPE), r.get(TRIP_EVENT.NOTE),
                r.get(TRIP_EVENT.DELAY_MINUTES), r.get(TRIP_EVENT.LAT), r.get(TRIP_EVENT.LON), r.get(TRIP_EVENT.STATUS_AFTER),
                r.get(TRIP_EVENT.POSTED_BY), r.get(TRIP_EVENT.CREATED_AT));
    }

    public void insert(DSLContext tx, TripEvent e) {
        var row = new TripEventRecord();
        row.setId(e.id());
        row.setAssignmentId(e.assignmentId());
        row.setType(e.type());
        row.setNote(e.note());
        row.setDelayMinutes(e.delayMinutes());
        row.setLat(e.lat());
        row.setLon(e.lon());
        row.setStatusAfter(e.statusAfter());
        row.setPostedBy(e.postedBy());
        row.setCreatedAt(e.createdAt());
        tx.insertInto(TRIP_EVENT).set(row).execute();
    }

    public Optional<TripEvent> find(DSLContext ctx, UUID id) {
        return ctx.selectFrom(TRIP_EVENT).where(TRIP_EVENT.ID.eq(id)).fetchOptional(TripEventStore::toEvent);
    }

    public Page<TripEvent> list(DSLContext ctx, UUID assignmentId, PageRequest page) {
        Condition where = TRIP_EVENT.ASSIGNMENT_ID.eq(assignmentId);
        int total = ctx.fetchCount(TRIP_EVENT, where);
        return OLDEST_FIRST.page(ctx.selectFrom(TRIP_EVENT).where(where), page, total, TripEventStore::toEvent);
    }
}
