package com.coachway.sales.activities;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.sales.tables.records.ActivityRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import com.coachway.sales.agents.AgentStore;
import com.coachway.sales.agents.Assignee;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.sales.Tables.ACTIVITY;
import static com.coachway.db.sales.Tables.LEAD;

/** The jOOQ queries of activities. */
public final class ActivityStore {
    private static final Keyset NEWEST_FIRST = Keyset.of("activities", ACTIVITY.CREATED_AT.desc(), ACTIVITY.ID.desc());
    /** Its own name: a cursor of one lead's list is refused by the list across leads, and the other way round. */
    private static final Keyset SEARCH = Keyset.of("all-activities", ACTIVITY.CREATED_AT.desc(), ACTIVITY.ID.desc());

    public boolean leadExists(DSLContext ctx, UUID leadId) {
        return ctx.fetchExists(LEAD, LEAD.ID.eq(leadId));
    }

    /** Holds the lead FOR SHARE until commit, so the activity's lead cannot vanish under it; false when there is none. */
    public boolean holdLead(DSLContext tx, UUID leadId) {
        return tx.select(LEAD.ID).from(LEAD).where(LEAD.ID.eq(leadId)).forShare().fetchOptional().isPresent();
    }

    public void insert(DSLContext tx, Activity a) {
        tx.insertInto(ACTIVITY)
                .set(ACTIVITY.ID, a.id())
                .set(ACTIVITY.LEAD_ID, a.leadId())
                .set(ACTIVITY.TYPE, a.type())
                .set(ACTIVITY.SUBJECT, a.subject())
                .set(ACTIVITY.NOTES, a.notes())
                .set(ACTIVITY.DUE_AT, a.dueAt())
                .set(ACTIVITY.COMPLETED_AT, a.completedAt())
                .set(ACTIVITY.CREATED_BY, a.createdBy())
                .set(ACTIVITY.CREATED_AT, a.createdAt())
                .set(ACTIVITY.UPDATED_AT, a.updatedAt())
                .set(ACTIVITY.VERSION, a.version())
                .execute();
    }

    /** The lead's activity held FOR UPDATE until commit; empty when there is none or it is another lead's. */
    public Optional<Activity> lock(DSLContext tx, UUID leadId, UUID id) {
        return tx.selectFrom(ACTIVITY).where(ACTIVITY.ID.eq(id), ACTIVITY.LEAD_ID.eq(leadId)).forUpdate()
                .fetchOptional(ActivityStore::toActivity);
    }

    /** Writes the fields the changes name, bumps the version; answers the row as it is now. */
    public Activity update(DSLContext tx, UUID id, ActivityChanges c, OffsetDateTime now) {
        var u = tx.update(ACTIVITY).set(ACTIVITY.UPDATED_AT, now).set(ACTIVITY.VERSION, ACTIVITY.VERSION.plus(1));
        if (c.has("subject")) u = u.set(ACTIVITY.SUBJECT, c.subject());
        if (c.has("notes")) u = u.set(ACTIVITY.NOTES, c.notes());
        if (c.has("due_at")) u = u.set(ACTIVITY.DUE_AT, c.dueAt());
        if (c.has("completed_at")) u = u.set(ACTIVITY.COMPLETED_AT, c.completedAt());
        return u.where(ACTIVITY.ID.eq(id)).returning().fetchSingle(ActivityStore::toActivity);
    }

    /** GET /activities: across leads; {@code open} null for both, {@code assignee} the lead's agent. */
    public record Filter(String type, Boolean open, OffsetDateTime dueBefore, Assignee assignee) {
    }

    public Page<Activity> search(DSLContext ctx, Filter f, PageRequest page) {
        Condition where = DSL.noCondition();
        if (f.type() != null) where = where.and(ACTIVITY.TYPE.eq(f.type()));
        if (f.open() != null) where = where.and(f.open() ? ACTIVITY.COMPLETED_AT.isNull() : ACTIVITY.COMPLETED_AT.isNotNull());
        if (f.dueBefore() != null) where = where.and(ACTIVITY.DUE_AT.lt(f.dueBefore()));
        if (f.assignee() != null) {
            where = where.and(ACTIVITY.LEAD_ID.in(DSL.select(LEAD.ID).from(LEAD).where(AgentStore.isAssignee(LEAD.ASSIGNED_TO, f.assignee()))));
        }
        int total = ctx.fetchCount(ACTIVITY, where);
        return SEARCH.page(ctx.selectFrom(ACTIVITY).where(where), page, total, ActivityStore::toActivity);
    }

    public Page<Activity> list(DSLContext ctx, UUID leadId, String type, PageRequest page) {
        Condition where = ACTIVITY.LEAD_ID.eq(leadId);
        if (type != null) where = where.and(ACTIVITY.TYPE.eq(type));
        int total = ctx.fetchCount(ACTIVITY, where);
        return NEWEST_FIRST.page(ctx.selectFrom(ACTIVITY).where(where), page, total, ActivityStore::toActivity);
    }

    private static Activity toActivity(ActivityRecord r) {
        return new Activity(r.getId(), r.getLeadId(), r.getType(), r.getSubject(), r.getNotes(), r.getDueAt(), r.getCompletedAt(),
                r.getCreatedBy(), r.getCreatedAt(), r.getUpdatedAt(), r.getVersion());
    }
}
