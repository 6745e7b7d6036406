package com.coachway.changemgmt.cases;

import com.coachway.common.auth.ClientScope;
import com.coachway.common.db.Keyset;
import com.coachway.common.http.Json;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.change_mgmt.tables.records.ChangeCaseRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.change_mgmt.Sequences.CASE_REFERENCE_SEQ;
import static com.coachway.db.change_mgmt.Tables.CASE_HISTORY;
import static com.coachway.db.change_mgmt.Tables.CHANGE_CASE;

/** The jOOQ queries of change cases and their history. A client user's scope is in every WHERE. */
public final class CaseStore {
    private static final Keyset NEWEST_FIRST = Keyset.of("cases", CHANGE_CASE.CREATED_AT.desc(), CHANGE_CASE.ID.desc());
    private static final Keyset HISTORY = Keyset.of("case-history", CASE_HISTORY.AT.asc(), CASE_HISTORY.ID.asc());

    public record Filter(String status, UUID charterId, UUID clientId) {
    }

    public record NewCase(UUID id, UUID charterId, String charterReference, UUID clientId, CaseType type, String description,
                          JsonNode requestedChanges, PriceImpact price, String requestedBy, OffsetDateTime now) {
    }

    public long nextReferenceNumber(DSLContext tx) {
        return tx.nextval(CASE_REFERENCE_SEQ);
    }

    public void insert(DSLContext tx, NewCase c, String reference) {
        tx.insertInto(CHANGE_CASE)
                .set(CHANGE_CASE.ID, c.id())
                .set(CHANGE_CASE.REFERENCE, reference)
                .set(CHANGE_CASE.CHARTER_ID, c.charterId())
                .set(CHANGE_CASE.CHARTER_REFERENCE, c.charterReference())
                .set(CHANGE_CASE.CLIENT_ID, c.clientId())
                .set(CHANGE_CASE.TYPE, c.type().code())
                .set(CHANGE_CASE.DESCRIPTION, c.description())
                .set(CHANGE_CASE.REQUESTED_CHANGES, jsonb(c.requestedChanges()))
                .set(CHANGE_CASE.STATUS, CaseStatus.SUBMITTED.code())
                .set(CHANGE_CASE.CURRENT_TOTAL, c.price().currentTotal())
                .set(CHANGE_CASE.NEW_TOTAL, c.price().newTotal())
                .set(CHANGE_CASE.PRICE_DELTA, c.price().priceDelta())
                .set(CHANGE_CASE.REQUIRES_MANAGER, c.price().requiresManager())
                .set(CHANGE_CASE.PROMO_CODE, promoCode(c.price()))
                .set(CHANGE_CASE.PROMO_CODE_APPLIED, promoApplied(c.price()))
                .set(CHANGE_CASE.PROMO_CODE_NOTE, promoNote(c.price()))
                .set(CHANGE_CASE.REQUESTED_BY, c.requestedBy())
                .set(CHANGE_CASE.CREATED_AT, c.now())
                .set(CHANGE_CASE.UPDATED_AT, c.now())
                .set(CHANGE_CASE.VERSION, 1)
                .execute();
    }

    public Optional<ChangeCase> find(DSLContext ctx, ClientScope scope, UUID id) {
        return ctx.selectFrom(CHANGE_CASE).where(CHANGE_CASE.ID.eq(id), scope.where(CHANGE_CASE.CLIENT_ID))
                .fetchOptional(CaseStore::toCase);
    }

    /** The case under its row lock: transitions of one case are serialized. */
    public Optional<ChangeCase> lock(DSLContext tx, ClientScope scope, UUID id) {
        return tx.selectFrom(CHANGE_CASE).where(CHANGE_CASE.ID.eq(id), scope.where(CHANGE_CASE.CLIENT_ID)).forUpdate()
                .fetchOptional(CaseStore::toCase);
    }

    /** What a transition changes besides the status; null leaves a column as it is. */
    public record Change(CaseStatus to, PriceImpact price, String reviewedBy, String decidedBy, String decisionComment,
                         boolean implemented, String implementationError, boolean clearError) {
        public static Change to(CaseStatus to) {
            return new Change(to, null, null, null, null, false, null, false);
        }
    }

    public void update(DSLContext tx, UUID id, Change ch, OffsetDateTime now) {
        var u = tx.update(CHANGE_CASE)
                .set(CHANGE_CASE.STATUS, ch.to().code())
                .set(CHANGE_CASE.UPDATED_AT, now)
                .set(CHANGE_CASE.VERSION, CHANGE_CASE.VERSION.plus(1));
        if (ch.price() != null) {
            u = u.set(CHANGE_CASE.CURRENT_TOTAL, ch.price().currentTotal())
                    .set(CHANGE_CASE.NEW_TOTAL, ch.price().newTotal())
                    .set(CHANGE_CASE.PRICE_DELTA, ch.price().priceDelta())
                    .set(CHANGE_CASE.REQUIRES_MANAGER, ch.price().requiresManager())
                    .set(CHANGE_CASE.PROMO_CODE, promoCode(ch.price()))
                    .set(CHANGE_CASE.PROMO_CODE_APPLIED, promoApplied(ch.price()))
                    .set(CHANGE_CASE.PROMO_CODE_NOTE, promoNote(ch.price()));
        }
        if (ch.reviewedBy() != null) u = u.set(CHANGE_CASE.REVIEWED_BY, ch.reviewedBy());
        if (ch.decidedBy() != null) {
            u = u.set(CHANGE_CASE.DECIDED_BY, ch.decidedBy()).set(CHANGE_CASE.DECIDED_AT, now)
                    .set(CHANGE_CASE.DECISION_COMMENT, ch.decisionComment());
        }
        if (ch.implemented()) u = u.set(CHANGE_CASE.IMPLEMENTED_AT, now);
        if (ch.implementationError() != null) u = u.set(CHANGE_CASE.IMPLEMENTATION_ERROR, ch.implementationError());
        if (ch.clearError()) u = u.setNull(CHANGE_CASE.IMPLEMENTATION_ERROR);
        u.where(CHANGE_CASE.ID.eq(id)).execute();
    }

    public Page<ChangeCase> list(DSLContext ctx, ClientScope scope, Filter f, PageRequest page) {
        Condition where = scope.where(CHANGE_CASE.CLIENT_ID);
        if (f.status() != null) where = where.and(CHANGE_CASE.STATUS.eq(f.status()));
        if (f.charterId() != null) where = where.and(CHANGE_CASE.CHARTER_ID.eq(f.charterId()));
        if (f.clientId() != null) where = where.and(CHANGE_CASE.CLIENT_ID.eq(f.clientId()));
        long total = ctx.selectCount().from(CHANGE_CASE).where(where).fetchOne(0, long.class);
        return NEWEST_FIRST.page(ctx.selectFrom(CHANGE_CASE).where(where), page, total, CaseStore::toCase);
    }

    public void addHistory(DSLContext tx, UUID caseId, String actor, CaseStatus from, CaseStatus to, String comment, OffsetDateTime at) {
        tx.insertInto(CASE_HISTORY)
                .set(CASE_HISTORY.ID, com.coachway.common.http.Ids.newId())
                .set(CASE_HISTORY.CASE_ID, caseId)
                .set(CASE_HISTORY.ACTOR, actor)
                .set(CASE_HISTORY.AT, at)
                .set(CASE_HISTORY.FROM_STATUS, from == null ? null : from.code())
                .set(CASE_HISTORY.TO_STATUS, to.code())
                .set(CASE_HISTORY.COMMENT, comment)
                .execute();
    }

    public Page<HistoryEntry> history(DSLContext ctx, UUID caseId, PageRequest page) {
        Condition where = CASE_HISTORY.CASE_ID.eq(caseId);
        long total = ctx.selectCount().from(CASE_HISTORY).where(where).fetchOne(0, long.class);
        return HISTORY.page(ctx.selectFrom(CASE_HISTORY).where(where), page, total,
                r -> new HistoryEntry(r.getId(), r.getActor(), r.getAt(), r.getFromStatus(), r.getToStatus(), r.getComment()));
    }

    private static ChangeCase toCase(ChangeCaseRecord r) {
        return new ChangeCase(r.getId(), r.getReference(), r.getCharterId(), r.getCharterReference(), r.getClientId(), r.getType(),
                r.getDescription(), tree(r.getRequestedChanges()), r.getStatus(), r.getCurrentTotal(), r.getNewTotal(), r.getPriceDelta(),
                r.getPromoCode(), r.getPromoCodeApplied(), r.getPromoCodeNote(), r.getRequiresManager(), r.getRequestedBy(),
                r.getReviewedBy(), r.getDecidedBy(), r.getDecidedAt(), r.getDecisionComment(),
                r.getImplementedAt(), r.getImplementationError(), r.getCreatedAt(), r.getUpdatedAt(), r.getVersion());
    }

    private static String promoCode(PriceImpact p) {
        return p.promo() == null ? null : p.promo().code();
    }

    private static Boolean promoApplied(PriceImpact p) {
        return p.promo() == null ? null : p.promo().applied();
    }

    private static String promoNote(PriceImpact p) {
        return p.promo() == null ? null : p.promo().note();
    }

    static JSONB jsonb(JsonNode node) {
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
