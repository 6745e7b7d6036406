package com.coachway.sales.activities;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.sales.tables.records.ActivityRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;

import java.util.UUID;

import static com.coachway.db.sales.Tables.ACTIVITY;
import static com.coachway.db.sales.Tables.LEAD;

/** The jOOQ queries of activities. */
public final class ActivityStore {
    private static final Keyset NEWEST_FIRST = Keyset.of("activities", ACTIVITY.CREATED_AT.desc(), ACTIVITY.ID.desc());

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
                .execute();
    }

    public Page<Activity> list(DSLContext ctx, UUID leadId, String type, PageRequest page) {
        Condition where = ACTIVITY.LEAD_ID.eq(leadId);
        if (type != null) where = where.and(ACTIVITY.TYPE.eq(type));
        int total = ctx.fetchCount(ACTIVITY, where);
        return NEWEST_FIRST.page(ctx.selectFrom(ACTIVITY).where(where), page, total, ActivityStore::toActivity);
    }

    private static Activity toActivity(ActivityRecord r) {
        return new Activity(r.getId(), r.getLeadId(), r.getType(), r.getSubject(), r.getNotes(), r.getDueAt(), r.getCompletedAt(),
                r.getCreatedBy(), r.getCreatedAt());
    }
}
