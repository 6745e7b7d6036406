package com.coachway.sales.leads;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.sales.tables.records.LeadRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import com.coachway.sales.agents.AgentStore;
import com.coachway.sales.agents.Assignee;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.sales.Sequences.LEAD_NUMBER_SEQ;
import static com.coachway.db.sales.Tables.LEAD;

/** The jOOQ queries of leads. */
public final class LeadStore {
    private static final Keyset NEWEST_FIRST = Keyset.of("leads", LEAD.CREATED_AT.desc(), LEAD.ID.desc());

    public long nextNumber(DSLContext tx) {
        return tx.nextval(LEAD_NUMBER_SEQ);
    }

    public void insert(DSLContext tx, UUID id, String reference, LeadChanges c, UUID assignedTo, String createdBy, OffsetDateTime now) {
        tx.insertInto(LEAD)
                .set(LEAD.ID, id)
                .set(LEAD.REFERENCE, reference)
                .set(LEAD.NAME, c.name())
                .set(LEAD.COMPANY, c.company())
                .set(LEAD.EMAIL, c.email())
                .set(LEAD.PHONE, c.phone())
                .set(LEAD.SOURCE, c.source())
                .set(LEAD.TRIP_DESCRIPTION, c.tripDescription())
                .set(LEAD.ESTIMATED_PASSENGERS, c.estimatedPassengers())
                .set(LEAD.ESTIMATED_DATE, c.estimatedDate())
                .set(LEAD.ESTIMATED_VALUE, c.estimatedValue())
                .set(LEAD.STATUS, LeadStatus.NEW)
                .set(LEAD.ASSIGNED_TO, assignedTo)
                .set(LEAD.CREATED_BY, createdBy)
                .set(LEAD.CREATED_AT, now)
                .set(LEAD.UPDATED_AT, now)
                .execute();
    }

    public Optional<Lead> find(DSLContext ctx, UUID id) {
        return ctx.selectFrom(LEAD).where(LEAD.ID.eq(id)).fetchOptional(LeadStore::toLead);
    }

    /** The lead held FOR UPDATE until commit. */
    public Optional<Lead> lock(DSLContext tx, UUID id) {
        return tx.selectFrom(LEAD).where(LEAD.ID.eq(id)).forUpdate().fetchOptional(LeadStore::toLead);
    }

    public record Filter(String status, String source, Assignee assignedTo, String q) {
    }

    public Page<Lead> list(DSLContext ctx, Filter f, PageRequest page) {
        Condition where = DSL.noCondition();
        if (f.status() != null) where = where.and(LEAD.STATUS.eq(f.status()));
        if (f.source() != null) where = where.and(LEAD.SOURCE.eq(f.source()));
        if (f.assignedTo() != null) where = where.and(AgentStore.isAssignee(LEAD.ASSIGNED_TO, f.assignedTo()));
        if (f.q() != null) {
            String like = "%" + f.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where = where.and(LEAD.NAME.likeIgnoreCase(like, '\\').or(LEAD.COMPANY.likeIgnoreCase(like, '\\'))
                    .or(LEAD.EMAIL.likeIgnoreCase(like, '\\')).or(LEAD.REFERENCE.likeIgnoreCase(like, '\\')));
        }
        int total = ctx.fetchCount(LEAD, where);
        return NEWEST_FIRST.page(ctx.selectFrom(LEAD).where(where), page, total, LeadStore::toLead);
    }

    /** Writes the fields the changes name, bumps the version. */
    public void update(DSLContext tx, UUID id, LeadChanges c, OffsetDateTime now) {
        var u = tx.update(LEAD).set(LEAD.UPDATED_AT, now).set(LEAD.VERSION, LEAD.VERSION.plus(1));
        if (c.has("name")) u = u.set(LEAD.NAME, c.name());
        if (c.has("company")) u = u.set(LEAD.COMPANY, c.company());
        if (c.has("email")) u = u.set(LEAD.EMAIL, c.email());
        if (c.has("phone")) u = u.set(LEAD.PHONE, c.phone());
        if (c.has("source")) u = u.set(LEAD.SOURCE, c.source());
        if (c.has("trip_description")) u = u.set(LEAD.TRIP_DESCRIPTION, c.tripDescription());
        if (c.has("estimated_passengers")) u = u.set(LEAD.ESTIMATED_PASSENGERS, c.estimatedPassengers());
        if (c.has("estimated_date")) u = u.set(LEAD.ESTIMATED_DATE, c.estimatedDate());
        if (c.has("estimated_value")) u = u.set(LEAD.ESTIMATED_VALUE, c.estimatedValue());
        if (c.has("status")) u = u.set(LEAD.STATUS, c.status());
        if (c.has("lost_reason")) u = u.set(LEAD.LOST_REASON, c.lostReason());
        if (c.has("assigned_to")) u = u.set(LEAD.ASSIGNED_TO, c.assignedTo());
        u.where(LEAD.ID.eq(id)).execute();
    }

    /**
     * Claims the lead for a conversion until {@code until}: only an unconverted lead whose earlier
     * claim (if any) ran out. One autocommitted statement: no lock outlives it.
     */
    public boolean claimConversion(DSLContext ctx, UUID id, OffsetDateTime now, OffsetDateTime until) {
        return ctx.update(LEAD)
                .set(LEAD.CONVERTING_UNTIL, until)
                .where(LEAD.ID.eq(id), LEAD.CONVERTED_AT.isNull(), LEAD.STATUS.ne(LeadStatus.LOST))
                .and(LEAD.CONVERTING_UNTIL.isNull().or(LEAD.CONVERTING_UNTIL.lt(now)))
                .execute() == 1;
    }

    public void releaseConversion(DSLContext ctx, UUID id, OffsetDateTime claimedUntil) {
        ctx.update(LEAD).setNull(LEAD.CONVERTING_UNTIL)
                .where(LEAD.ID.eq(id), LEAD.CONVERTING_UNTIL.eq(claimedUntil))
                .execute();
    }

    public void converted(DSLContext tx, UUID id, UUID clientId, UUID charterId, String status, String by, OffsetDateTime now) {
        tx.update(LEAD)
                .set(LEAD.CONVERTED_CLIENT_ID, clientId)
                .set(LEAD.CONVERTED_CHARTER_ID, charterId)
                .set(LEAD.CONVERTED_AT, now)
                .set(LEAD.CONVERTED_BY, by)
                .setNull(LEAD.CONVERTING_UNTIL)
                .set(LEAD.STATUS, status)
                .set(LEAD.UPDATED_AT, now)
                .set(LEAD.VERSION, LEAD.VERSION.plus(1))
                .where(LEAD.ID.eq(id))
                .execute();
    }

    private static Lead toLead(LeadRecord r) {
        return new Lead(r.getId(), r.getReference(), r.getName(), r.getCompany(), r.getEmail(), r.getPhone(), r.getSource(),
                r.getTripDescription(), r.getEstimatedPassengers(), r.getEstimatedDate(), r.getEstimatedValue(), r.getStatus(),
                r.getLostReason(), r.getAssignedTo(), r.getConvertedClientId(), r.getConvertedCharterId(), r.getConvertedAt(),
                r.getCreatedBy(), r.getCreatedAt(), r.getUpdatedAt(), r.getVersion());
    }
}
