package com.coachway.charter.quotes;

import com.coachway.common.http.Json;
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

import static com.coachway.db.charter.Tables.CHARTER_QUOTES;

/** The jOOQ queries for quotes. Methods taking a DSLContext run in the caller's transaction. */
public final class QuoteStore {
    private static final TypeReference<List<Quote.Line>> LINES = new TypeReference<>() {
    };
    /** Keeps 12.50 as 12.50 when reading stored JSON: money keeps its cents. */
    private static final ObjectReader TREE = Json.MAPPER.reader().without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

    private final DSLContext dsl;
    private final Clock clock;

    public QuoteStore(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
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

    public Optional<Quote> find(UUID id) {
        return find(dsl, id);
    }

    public Optional<Quote> find(DSLContext tx, UUID id) {
        return tx.selectFrom(CHARTER_QUOTES).where(CHARTER_QUOTES.ID.eq(id)).fetchOptional(this::toQuote);
    }

    // versions are unique per charter; the id only makes the key the same shape as every list's
    private static final Keyset NEWEST_FIRST = Keyset.of("quotes", CHARTER_QUOTES.VERSION.desc(), CHARTER_QUOTES.ID.desc());

    public Page<Quote> list(UUID charterId, PageRequest page) {
        var where = CHARTER_QUOTES.CHARTER_ID.eq(charterId);
        int total = dsl.fetchCount(CHARTER_QUOTES, where);
        return NEWEST_FIRST.page(dsl.selectFrom(CHARTER_QUOTES).where(where), page, total, this::toQuote);
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
                           String promoCode, BigDecimal total, String currency, String sendKey, String acceptKey) {
    }

    /** The quote's charter, without a lock: where every change to a quote starts (the charter is locked first). */
    public Optional<UUID> charterOf(UUID quoteId) {
        return dsl.select(CHARTER_QUOTES.CHARTER_ID).from(CHARTER_QUOTES).where(CHARTER_QUOTES.ID.eq(quoteId))
                .fetchOptional(CHARTER_QUOTES.CHARTER_ID);
    }

    public Optional<QuoteRow> lock(DSLContext tx, UUID id) {
        return tx.selectFrom(CHARTER_QUOTES).where(CHARTER_QUOTES.ID.eq(id)).forUpdate()
                .fetchOptional(r -> new QuoteRow(r.getId(), r.getCharterId(), r.getVersion(), QuoteStatus.of(r.getStatus()),
                        r.getValidUntil(), r.getPromoCode(), r.getTotal(), r.getCurrency(), r.getSendKey(), r.getAcceptKey()));
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
        tx.insertInto(CHARTER_QUOTES)
                .set(CHARTER_QUOTES.ID, q.id()).set(CHARTER_QUOTES.CHARTER_ID, q.charterId())
                .set(CHARTER_QUOTES.VERSION, q.version()).set(CHARTER_QUOTES.STATUS, QuoteStatus.DRAFT.code())
                .set(CHARTER_QUOTES.LINES, JSONB.jsonb(write(q.lines())))
                .set(CHARTER_QUOTES.SUBTOTAL, q.subtotal()).set(CHARTER_QUOTES.DISCOUNT, q.discount())
                .set(CHARTER_QUOTES.FUEL_SURCHARGE, q.fuelSurcharge()).set(CHARTER_QUOTES.TAX, q.tax())
                .set(CHARTER_QUOTES.TOTAL, q.total()).set(CHARTER_QUOTES.CURRENCY, q.currency())
                .set(CHARTER_QUOTES.PROMO_CODE, q.promoCode())
                .set(CHARTER_QUOTES.BILLABLE_HOURS, q.billableHours()).set(CHARTER_QUOTES.DAYS, q.days())
                .set(CHARTER_QUOTES.DOT, q.dot() == null || q.dot().isNull() ? null : JSONB.jsonb(write(q.dot())))
                .set(CHARTER_QUOTES.CHARTER_VERSION, q.charterVersion())
                .set(CHARTER_QUOTES.VALID_UNTIL, q.validUntil())
                .set(CHARTER_QUOTES.CREATED_BY, q.createdBy()).set(CHARTER_QUOTES.CREATED_AT, q.createdAt())
                .execute();
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
        tx.update(CHARTER_QUOTES).set(CHARTER_QUOTES.STATUS, QuoteStatus.SENT.code())
                .set(CHARTER_QUOTES.SENT_AT, at).set(CHARTER_QUOTES.SENT_TO, to).set(CHARTER_QUOTES.SEND_KEY, idempotencyKey)
                .where(CHARTER_QUOTES.ID.eq(id)).execute();
    }

    public void markAccepted(DSLContext tx, UUID id, OffsetDateTime at, String idempotencyKey) {
        tx.update(CHARTER_QUOTES).set(CHARTER_QUOTES.STATUS, QuoteStatus.ACCEPTED.code())
                .set(CHARTER_QUOTES.ACCEPTED_AT, at).set(CHARTER_QUOTES.ACCEPT_KEY, idempotencyKey)
                .where(CHARTER_QUOTES.ID.eq(id)).execute();
    }

    public void markRejected(DSLContext tx, UUID id, OffsetDateTime at, String reason) {
        tx.update(CHARTER_QUOTES).set(CHARTER_QUOTES.STATUS, QuoteStatus.REJECTED.code())
                .set(CHARTER_QUOTES.REJECTED_AT, at).set(CHARTER_QUOTES.REJECT_REASON, reason)
                .where(CHARTER_QUOTES.ID.eq(id)).execute();
    }

    /** The expiry job's one statement: open quotes past valid_until become expired. Row locks make it safe on every replica. */
    public int expireDue(OffsetDateTime now) {
        // Inlined, so the partial index on open quotes matches whatever plan the statement gets.
        return dsl.update(CHARTER_QUOTES).set(CHARTER_QUOTES.STATUS, QuoteStatus.EXPIRED.code())
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
