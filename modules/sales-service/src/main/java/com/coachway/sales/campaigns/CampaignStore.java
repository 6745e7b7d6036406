package com.coachway.sales.campaigns;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.Json;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.sales.tables.records.CampaignRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.coachway.db.sales.Tables.CAMPAIGN;
import static com.coachway.db.sales.Tables.CAMPAIGN_RECIPIENT;
import static com.coachway.db.sales.Tables.LEAD;

/** The jOOQ queries of campaigns, their recipients and their audiences. */
public final class CampaignStore {
    public static final String QUEUED = "queued";
    public static final String SENT = "sent";
    public static final String SUPPRESSED = "suppressed";
    private static final Keyset NEWEST_FIRST = Keyset.of("campaigns", CAMPAIGN.CREATED_AT.desc(), CAMPAIGN.ID.desc());

    /** The distinct lower-cased emails of the audience's leads. */
    public List<String> audience(DSLContext tx, Campaign.Audience a) {
        var email = DSL.lower(LEAD.EMAIL);
        Condition where = LEAD.EMAIL.isNotNull();
        if (a.statuses() != null) where = where.and(LEAD.STATUS.in(a.statuses()));
        if (a.sources() != null) where = where.and(LEAD.SOURCE.in(a.sources()));
        return tx.selectDistinct(email).from(LEAD).where(where).orderBy(email).fetch(email);
    }

    public record Content(String subject, String body) {
    }

    public void insert(DSLContext tx, UUID id, String name, String subject, String body, Campaign.Audience audience, String by,
                       OffsetDateTime now) {
        tx.insertInto(CAMPAIGN)
                .set(CAMPAIGN.ID, id)
                .set(CAMPAIGN.NAME, name)
                .set(CAMPAIGN.SUBJECT, subject)
                .set(CAMPAIGN.BODY, body)
                .set(CAMPAIGN.AUDIENCE, JSONB.jsonb(json(audience)))
                .set(CAMPAIGN.CREATED_BY, by)
                .set(CAMPAIGN.CREATED_AT, now)
                .execute();
    }

    public void addRecipient(DSLContext tx, UUID campaignId, String email, String status, UUID outboxEventId, OffsetDateTime now) {
        tx.insertInto(CAMPAIGN_RECIPIENT)
                .set(CAMPAIGN_RECIPIENT.CAMPAIGN_ID, campaignId)
                .set(CAMPAIGN_RECIPIENT.EMAIL, email)
                .set(CAMPAIGN_RECIPIENT.STATUS, status)
                .set(CAMPAIGN_RECIPIENT.OUTBOX_EVENT_ID, outboxEventId)
                .set(CAMPAIGN_RECIPIENT.UPDATED_AT, now)
                .execute();
    }

    public Optional<String> recipientStatus(DSLContext ctx, UUID campaignId, String email) {
        return ctx.select(CAMPAIGN_RECIPIENT.STATUS).from(CAMPAIGN_RECIPIENT)
                .where(CAMPAIGN_RECIPIENT.CAMPAIGN_ID.eq(campaignId), CAMPAIGN_RECIPIENT.EMAIL.eq(email))
                .fetchOptional(CAMPAIGN_RECIPIENT.STATUS);
    }

    /** Moves a queued recipient on (sent or suppressed); a recipient already moved stays as it is. */
    public void settle(DSLContext ctx, UUID campaignId, String email, String status, UUID notificationId, OffsetDateTime now) {
        ctx.update(CAMPAIGN_RECIPIENT)
                .set(CAMPAIGN_RECIPIENT.STATUS, status)
                .set(CAMPAIGN_RECIPIENT.NOTIFICATION_ID, notificationId)
                .set(CAMPAIGN_RECIPIENT.UPDATED_AT, now)
                .where(CAMPAIGN_RECIPIENT.CAMPAIGN_ID.eq(campaignId), CAMPAIGN_RECIPIENT.EMAIL.eq(email),
                        CAMPAIGN_RECIPIENT.STATUS.eq(QUEUED))
                .execute();
    }

    public Optional<Content> content(DSLContext ctx, UUID id) {
        return ctx.select(CAMPAIGN.SUBJECT, CAMPAIGN.BODY).from(CAMPAIGN).where(CAMPAIGN.ID.eq(id))
                .fetchOptional(r -> new Content(r.value1(), r.value2()));
    }

    public Optional<Campaign> find(DSLContext ctx, UUID id) {
        return ctx.selectFrom(CAMPAIGN).where(CAMPAIGN.ID.eq(id)).fetchOptional()
                .map(r -> toCampaign(r, counts(ctx, List.of(id)).getOrDefault(id, Campaign.Counts.NONE)));
    }

    public Page<Campaign> list(DSLContext ctx, PageRequest page) {
        int total = ctx.fetchCount(CAMPAIGN);
        Page<CampaignRecord> rows = NEWEST_FIRST.page(ctx.selectFrom(CAMPAIGN).where(DSL.noCondition()), page, total, r -> r);
        var counts = counts(ctx, rows.items().stream().map(CampaignRecord::getId).toList());
        return new Page<>(rows.items().stream().map(r -> toCampaign(r, counts.getOrDefault(r.getId(), Campaign.Counts.NONE))).toList(),
                rows.total(), rows.limit(), rows.offset(), rows.next());
    }

    /** The counts of these campaigns, in one query. */
    private Map<UUID, Campaign.Counts> counts(DSLContext ctx, Collection<UUID> ids) {
        if (ids.isEmpty()) return Map.of();
        var r = CAMPAIGN_RECIPIENT;
        return ctx.select(r.CAMPAIGN_ID, DSL.count(),
                        DSL.count().filterWhere(r.OUTBOX_EVENT_ID.isNotNull()),
                        DSL.count().filterWhere(r.STATUS.eq(SUPPRESSED)),
                        DSL.count().filterWhere(r.STATUS.eq(QUEUED)),
                        DSL.count().filterWhere(r.STATUS.eq(SENT)))
                .from(r).where(r.CAMPAIGN_ID.in(ids)).groupBy(r.CAMPAIGN_ID)
                .fetch().stream().collect(Collectors.toMap(x -> x.value1(),
                        x -> new Campaign.Counts(x.value2(), x.value3(), x.value4(), x.value5(), x.value6())));
    }

    private static Campaign toCampaign(CampaignRecord r, Campaign.Counts c) {
        Campaign.Audience audience;
        try {
            audience = Json.MAPPER.readValue(r.getAudience().data(), Campaign.Audience.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("campaign " + r.getId() + " has an unreadable audience", e);
        }
        return new Campaign(r.getId(), r.getName(), r.getSubject(), r.getBody(), audience, c.audienceSize(), c.recipients(),
                c.suppressed(), c.queued(), c.sent(), r.getCreatedBy(), r.getCreatedAt());
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
