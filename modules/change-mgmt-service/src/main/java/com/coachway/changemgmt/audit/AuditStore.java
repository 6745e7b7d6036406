package com.coachway.changemgmt.audit;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.Json;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.change_mgmt.tables.records.AuditEventRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.change_mgmt.Tables.AUDIT_EVENT;

/** The jOOQ queries of the audit trail: insert-once and the filtered, newest-first list (the table refuses anything else). */
public final class AuditStore {
    private static final Keyset NEWEST_FIRST = Keyset.of("audit-events", AUDIT_EVENT.OCCURRED_AT.desc(), AUDIT_EVENT.ID.desc());

    public record Filter(String entityType, String entityId, String actor, String action, String service, OffsetDateTime from,
                         OffsetDateTime to) {
    }

    /**
     * False when an event with this id is there already (a redelivery). A twin insert running at
     * the same moment waits for the first to commit and then inserts nothing.
     */
    public boolean insert(DSLContext ctx, AuditEvent e) {
        return ctx.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.ID, e.id())
                .set(AUDIT_EVENT.SERVICE, e.service())
                .set(AUDIT_EVENT.ACTION, e.action())
                .set(AUDIT_EVENT.ENTITY_TYPE, e.entityType())
                .set(AUDIT_EVENT.ENTITY_ID, e.entityId())
                .set(AUDIT_EVENT.ACTOR, e.actor())
                .set(AUDIT_EVENT.OCCURRED_AT, e.occurredAt())
                .set(AUDIT_EVENT.FROM_STATE, e.from())
                .set(AUDIT_EVENT.TO_STATE, e.to())
                .set(AUDIT_EVENT.DETAILS, e.details() == null || e.details().isNull() ? null : jsonb(e.details()))
                .set(AUDIT_EVENT.RECEIVED_AT, e.receivedAt())
                .onConflict(AUDIT_EVENT.ID).doNothing()
                .execute() == 1;
    }

    public Optional<AuditEvent> find(DSLContext ctx, UUID id) {
        return ctx.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ID.eq(id)).fetchOptional(AuditStore::toEvent);
    }

    public Page<AuditEvent> list(DSLContext ctx, Filter f, PageRequest page) {
        Condition where = DSL.noCondition();
        if (f.entityType() != null) where = where.and(AUDIT_EVENT.ENTITY_TYPE.eq(f.entityType()));
        if (f.entityId() != null) where = where.and(AUDIT_EVENT.ENTITY_ID.eq(f.entityId()));
        if (f.actor() != null) where = where.and(AUDIT_EVENT.ACTOR.eq(f.actor()));
        if (f.action() != null) where = where.and(AUDIT_EVENT.ACTION.eq(f.action()));
        if (f.service() != null) where = where.and(AUDIT_EVENT.SERVICE.eq(f.service()));
        if (f.from() != null) where = where.and(AUDIT_EVENT.OCCURRED_AT.ge(f.from()));
        if (f.to() != null) where = where.and(AUDIT_EVENT.OCCURRED_AT.lt(f.to()));
        long total = ctx.selectCount().from(AUDIT_EVENT).where(where).fetchOne(0, long.class);
        return NEWEST_FIRST.page(ctx.selectFrom(AUDIT_EVENT).where(where), page, total, AuditStore::toEvent);
    }

    private static AuditEvent toEvent(AuditEventRecord r) {
        return new AuditEvent(r.getId(), r.getService(), r.getAction(), r.getEntityType(), r.getEntityId(), r.getActor(),
                r.getOccurredAt(), r.getFromState(), r.getToState(), r.getDetails() == null ? null : tree(r.getDetails()), r.getReceivedAt());
    }

    private static JSONB jsonb(JsonNode node) {
        try {
            return JSONB.jsonb(Json.MAPPER.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode tree(JSONB j) {
        try {
            return Json.MAPPER.readTree(j.data());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
