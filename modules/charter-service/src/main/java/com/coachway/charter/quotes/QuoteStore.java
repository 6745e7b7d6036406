package com.coachway.charter.quotes;

import com.coachway.common.auth.ClientScope;
import com.coachway.common.http.Json;
import com.coachway.db.charter.tables.records.CharterQuotesRecord;
import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.coachway.db.charter.Tables.CHARTERS;
import static com.coachway.db.charter.Tables.CHARTER_QUOTES;

/**
 * The jOOQ queries for quotes. Every method runs on the DSLContext it is given: the pool's, or a
 * transaction's own. A quote's client is its charter's: reads a portal user can make take its
 * {@link ClientScope}, which is part of their WHERE.
 */
public final class QuoteStore {
    private static final TypeReference<List<Quote.Line>> LINES = new TypeReference<>() {
    };
    /** Keeps 12.50 as 12.50 when reading stored JSON: money keeps its cents. */
    private static final ObjectReader TREE = Json.MAPPER.reader().without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

    private final Clock clock;

    public QuoteStore(Clock clock) {
        this.clock = clock;
    }

    /** The quote's charter belongs to a client in the scope. */
    private static Condition inScope(ClientScope scope) {
        if (scope.client().isEmpty()) return DSL.noCondition();
        return DSL.exists(DSL.selectOne().from(CHARTERS)
                .where(CHARTERS.ID.eq(CHARTER_QUOTES.CHARTER_ID), scope.where(CHARTERS.CLIENT_ID)));
    }

    private Quote toQuote(Record r) {
        QuoteStatus stored = QuoteStatus.of(r.get(CHARTER_QUOTES.STATUS));
        QuoteStatus shown = QuoteRules.effectiveStatus(stored, r.get(CHARTER_QUOTES.VALID_UNTIL), clock.instant());
        return new Quote(r.get(CHARTER_QUOTES.ID), r.get(CHARTER_QUOTES.CHARTER_ID), r.get(CHARTER_QUOTES.VERSION),
                shown.code(), readLines(r.get(CHARTER_QUOTES.LINES)), money(r.get(CHARTER_QUOTES.SUBTOTAL)),
                money(r.get(CHARTER_QUOTES.DISCOUNT)), money(r.get(CHARTER_QUOTES.FUEL_SURCHARGE)),
                money(r.get(CHARTER_QUOTES.TAX)), money(r.get(CHARTER_QUOTES.TOTAL)), r.get(CHARTER_QUOTES.CURRENCY),
                r.get(CHARTER_QUOTES.PROMO_CODE), r.get(CHARTER_QUOTES.BILLABLE_HOURS), r.get(CHARTER_QUOTES.DAYS),
                readTree(r.get(CHARTER_QUOTES.DOT)), r.get(CHARTER_QUOTES.VALID_UNTIL), r.get(CHARTER_QUOTES.SENT_AT),
                r.get(CHARTER_QUOTES.SENT_TO), r.get(CHARTER_QUOTES.ACCEPTED_AT), r.get(CHARTER_QUOTES.REJECTED_AT),
                r.get(CHARTER_QUOTES.REJECT_REASON), r.get(CHARTER_QUOTES.CREATED_AT));
    }

    private static BigDecimal money(BigDecimal d) {
        return d == null ? null : d.setScale(2, RoundingMode.HALF_UP);
    }

    public Optional<Quote> find(DSLContext ctx, ClientScope scope, UUID id) {
        return ctx.selectFrom(CHARTER_QUOTES).where(CHARTER_QUOTES.ID.eq(id), inScope(scope)).fetchOptional(this::toQuote);
    }

    // versions are unique per charter; the id only makes the key the same shape as every list's
    private static final Keyset NEWEST_FIRST = Keyset.of("quotes", CHARTER_QUOTES.VERSION.desc(), CHARTER_QUOTES.ID.desc());

    public Page<Quote> list(DSLContext ctx, UUID charterId, PageRequest page) {
        var where = CHARTER_QUOTES.CHARTER_ID.eq(charterId);
        int total = ctx.fetchCount(CHARTER_QUOTES, where);
        return NEWEST_FIRST.page(ctx.selectFrom(CHARTER_QUOTES).where(where), page, total, this::toQuote);
    }

    /**
     * The current quote of each charter — the accepted one, else the latest version — in one
     * statement for a whole page of charters.
     */
    public Map<UUID, Quote> currentFor(DSLContext tx, Collection<UUID> charterIds) {
        if (charterIds.isEmpty()) return Map.of();
        return tx.select(CHARTER_QUOTES.asterisk()).distinctOn(CHARTER_QUOTES.CHARTER_ID)
                .from(CHARTER_QUOTES)
                .where(CHARTER_QUOTES.CHARTER_ID.in(charterIds))
                .orderBy(CHARTER_QUOTES.CHARTER_ID, DSL.when(CHARTER_QUOTES.STATUS.eq(QuoteStatus.ACCEPTED.code()), 0).otherwise(1),
                        CHARTER_QUOTES.VERSION.desc())
                .fetch(this::toQuote).stream()
                .collect(Collectors.toMap(Quote::charterId, Function.identity()));
    }

    /** What the send/accept/reject decisions need, from a row locked in this transaction. */
    public record QuoteRow(UUID id, UUID charterId, int version, QuoteStatus stored, OffsetDateTime validUntil,
                           String promoCode, BigDecimal total, String currency, String sendKey, String acceptKey,
                           UUID promoReleaseEvent) {
        /** A give-back of this quote's promo use to pricing-service is under way. */
        public boolean promoReleaseUnderWay() {
            return promoReleaseEvent != null;
        }
    }

    /** The quote's charter, without a lock: where every change to a quote starts (the charter is locked first). */
    public Optional<UUID> charterOf(DSLContext ctx, ClientScope scope, UUID quoteId) {
        return ctx.select(CHARTER_QUOTES.CHARTER_ID).from(CHARTER_QUOTES).where(CHARTER_QUOTES.ID.eq(quoteId), inScope(scope))
                .fetchOptional(CHARTER_QUOTES.CHARTER_ID);
    }

    /** The row as decisions read it; without a lock on the pool's context, with one ({@link #lock}) in a transaction. */
    public Optional<QuoteRow> row(DSLContext ctx, UUID id) {
        return ctx.selectFrom(CHARTER_QUOTES).where(CHARTER_QUOTES.ID.eq(id)).fetchOptional(QuoteStore::toRow);
    }

    public Optional<QuoteRow> lock(DSLContext tx, UUID id) {
        return tx.selectFrom(CHARTER_QUOTES).where(CHARTER_QUOTES.ID.eq(id)).forUpdate().fetchOptional(QuoteStore::toRow);
    }

    private static QuoteRow toRow(CharterQuotesRecord r) {
        return new QuoteRow(r.getId(), r.getCharterId(), r.getVersion(), QuoteStatus.of(r.getStatus()), r.getValidUntil(),
                r.getPromoCode(), r.getTotal(), r.getCurrency(), r.getSendKey(), r.getAcceptKey(),
                r.getPromoReleaseEvent());
    }

    /** Marks the give-back of the quote's promo use by outbox event {@code eventId} as under way (the caller locked the quote). */
    public void startPromoRelease(DSLContext tx, UUID id, UUID eventId) {
        var row = new CharterQuotesRecord();
        row.setPromoReleaseEvent(eventId);
        tx.update(CHARTER_QUOTES).set(row).where(CHARTER_QUOTES.ID.eq(id)).execute();
    }

    /** Clears the mark, if it is still this event's. */
    public void endPromoRelease(DSLContext ctx, UUID id, UUID eventId) {
        ctx.update(CHARTER_QUOTES).setNull(CHARTER_QUOTES.PROMO_RELEASE_EVENT)
                .where(CHARTER_QUOTES.ID.eq(id), CHARTER_QUOTES.PROMO_RELEASE_EVENT.eq(eventId))
                .execute();
    }

    public int latestVersion(DSLContext tx, UUID charterId) {
        Integer v = tx.select(DSL.max(CHARTER_QUOTES.VERSION)).from(CHARTER_QUOTES)
                .where(CHARTER_QUOTES.CHARTER_ID.eq(charterId)).fetchOne(0, Integer.class);
        return v == null ? 0 : v;
    }

    public record NewQuote(UUID id, UUID charterId, int version, List<Quote.Line> lines, BigDecimal subtotal,
                           BigDecimal discount, BigDecimal fuelSurcharge, BigDecimal tax, BigDecimal total,
                           String currency, String promoCode, BigDecimal billableHours, Integer days, JsonNode dot,
                           int charterVersion, OffsetDateTime validUntil, OffsetDateTime createdAt, String createdBy) {
    }

    public void insert(DSLContext tx, NewQuote q) {
        var row = new CharterQuotesRecord();
        row.setId(q.id());
        row.setCharterId(q.charterId());
        row.setVersion(q.version());
        row.setStatus(QuoteStatus.DRAFT.code());
        row.setLines(JSONB.jsonb(write(q.lines())));
        row.setSubtotal(q.subtotal());
        row.setDiscount(q.discount());
        row.setFuelSurcharge(q.fuelSurcharge());
        row.setTax(q.tax());
        row.setTotal(q.total());
        row.setCurrency(q.currency());
        row.setPromoCode(q.promoCode());
        row.setBillableHours(q.billableHours());
        row.setDays(q.days());
        row.setDot(q.dot() == null || q.dot().isNull() ? null : JSONB.jsonb(write(q.dot())));
        row.setCharterVersion(q.charterVersion());
        row.setValidUntil(q.validUntil());
        row.setCreatedBy(q.createdBy());
        row.setCreatedAt(q.createdAt());
        tx.insertInto(CHARTER_QUOTES).set(row).execute();
    }

    /** Every other open (draft or sent) quote of the charter becomes superseded. */
    public int supersedeOthers(DSLContext tx, UUID charterId, UUID keepId) {
        return supersedeOpen(tx, CHARTER_QUOTES.CHARTER_ID.eq(charterId).and(CHARTER_QUOTES.ID.ne(keepId)));
    }

    /** Every open (draft or sent) quote of the charter becomes superseded: the charter's terms changed. */
    public int supersedeOpen(DSLContext tx, UUID charterId) {
        return supersedeOpen(tx, CHARTER_QUOTES.CHARTER_ID.eq(charterId));
    }

    private int supersedeOpen(DSLContext tx, Condition which) {
        return tx.update(CHARTER_QUOTES).set(CHARTER_QUOTES.STATUS, QuoteStatus.SUPERSEDED.code())
                .where(which, CHARTER_QUOTES.STATUS.in(QuoteStatus.DRAFT.code(), QuoteStatus.SENT.code()))
                .execute();
    }

    public void markSent(DSLContext tx, UUID id, OffsetDateTime at, String to, String idempotencyKey) {
        var row = new CharterQuotesRecord();
        row.setStatus(QuoteStatus.SENT.code());
        row.setSentAt(at);
        row.setSentTo(to);
        row.setSendKey(idempotencyKey);
        tx.update(CHARTER_QUOTES).set(row).where(CHARTER_QUOTES.ID.eq(id)).execute();
    }

    public void markAccepted(DSLContext tx, UUID id, OffsetDateTime at, String idempotencyKey) {
        var row = new CharterQuotesRecord();
        row.setStatus(QuoteStatus.ACCEPTED.code());
        row.setAcceptedAt(at);
        row.setAcceptKey(idempotencyKey);
        tx.update(CHARTER_QUOTES).set(row).where(CHARTER_QUOTES.ID.eq(id)).execute();
    }

    public void markRejected(DSLContext tx, UUID id, OffsetDateTime at, String reason) {
        var row = new CharterQuotesRecord();
        row.setStatus(QuoteStatus.REJECTED.code());
        row.setRejectedAt(at);
        row.setRejectReason(reason);
        tx.update(CHARTER_QUOTES).set(row).where(CHARTER_QUOTES.ID.eq(id)).execute();
    }

    /** The expiry job's one statement: open quotes past valid_until become expired. Row locks make it safe on every replica. */
    public int expireDue(DSLContext ctx, OffsetDateTime now) {
        // Inlined, so the partial index on open quotes matches whatever plan the statement gets.
        return ctx.update(CHARTER_QUOTES).set(CHARTER_QUOTES.STATUS, QuoteStatus.EXPIRED.code())
                .where(CHARTER_QUOTES.STATUS.in(DSL.inline(QuoteStatus.DRAFT.code()), DSL.inline(QuoteStatus.SENT.code())),
                        CHARTER_QUOTES.VALID_UNTIL.le(now))
                .execute();
    }

    private static String write(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("quote part cannot be written as JSON", e);
        }
    }

    private static List<Quote.Line> readLines(JSONB json) {
        try {
            return Json.MAPPER.readerFor(LINES).readValue(json.data());
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readTree(JSONB json) {
        if (json == null) return null;
        try {
            return TREE.readTree(json.data());
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
