package com.coachway.vendor.ratings;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.vendor.Tables.BIDS;
import static com.coachway.db.vendor.Tables.BID_REQUESTS;
import static com.coachway.db.vendor.Tables.RATINGS;
import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.nullif;
import static org.jooq.impl.DSL.round;
import static org.jooq.impl.DSL.select;

/** The jOOQ queries for ratings, and the performance figures computed from ratings and bids in one statement. */
public final class RatingStore {

    private static Rating toRating(Record r) {
        return new Rating(r.get(RATINGS.ID), r.get(RATINGS.VENDOR_ID), r.get(RATINGS.CHARTER_ID), r.get(RATINGS.SCORE),
                r.get(RATINGS.ON_TIME), r.get(RATINGS.CANCELLED), r.get(RATINGS.COMMENTS), r.get(RATINGS.CREATED_BY),
                r.get(RATINGS.CREATED_AT));
    }

    public Optional<Rating> find(DSLContext ctx, UUID id) {
        return ctx.selectFrom(RATINGS).where(RATINGS.ID.eq(id)).fetchOptional(RatingStore::toRating);
    }

    public record Keyed(Rating rating, String key, String fingerprint) {
    }

    public Optional<Keyed> of(DSLContext ctx, UUID vendorId, UUID charterId) {
        return ctx.selectFrom(RATINGS).where(RATINGS.VENDOR_ID.eq(vendorId), RATINGS.CHARTER_ID.eq(charterId))
                .fetchOptional(r -> new Keyed(toRating(r), r.get(RATINGS.IDEMPOTENCY_KEY), r.get(RATINGS.REQUEST_FINGERPRINT)));
    }

    private static final Keyset BY_CREATED = Keyset.of("ratings", RATINGS.CREATED_AT.asc(), RATINGS.ID.asc());

    public Page<Rating> list(DSLContext ctx, UUID vendorId, PageRequest page) {
        var where = RATINGS.VENDOR_ID.eq(vendorId);
        int total = ctx.fetchCount(RATINGS, where);
        return BY_CREATED.page(ctx.selectFrom(RATINGS).where(where), page, total, RatingStore::toRating);
    }

    public record Values(UUID charterId, int score, boolean onTime, boolean cancelled, String comments) {
    }

    /** The rating, or nothing when this vendor's trip for the charter is rated already (the unique constraint decides). */
    public boolean insertIfFirst(DSLContext tx, UUID id, UUID vendorId, Values v, String key, String fingerprint, String by,
                                 OffsetDateTime now) {
        return tx.insertInto(RATINGS)
                .set(RATINGS.ID, id)
                .set(RATINGS.VENDOR_ID, vendorId)
                .set(RATINGS.CHARTER_ID, v.charterId())
                .set(RATINGS.SCORE, v.score())
                .set(RATINGS.ON_TIME, v.onTime())
                .set(RATINGS.CANCELLED, v.cancelled())
                .set(RATINGS.COMMENTS, v.comments())
                .set(RATINGS.IDEMPOTENCY_KEY, key)
                .set(RATINGS.REQUEST_FINGERPRINT, key == null ? null : fingerprint)
                .set(RATINGS.CREATED_BY, by)
                .set(RATINGS.CREATED_AT, now)
                .onConflict(RATINGS.VENDOR_ID, RATINGS.CHARTER_ID).doNothing()
                .execute() == 1;
    }

    /**
     * Every figure in one statement: the vendor's ratings aggregated, cross-joined with its bids
     * aggregated (each side one row, so no row multiplies another's counts).
     */
    public Performance performance(DSLContext ctx, UUID vendorId) {
        Field<Integer> trips = count().filterWhere(RATINGS.CANCELLED.isFalse()).as("trips");
        Field<Integer> onTime = count().filterWhere(RATINGS.CANCELLED.isFalse().and(RATINGS.ON_TIME.isTrue())).as("on_time");
        Field<BigDecimal> average = avg(RATINGS.SCORE).as("average");
        Field<Integer> cancellations = count().filterWhere(RATINGS.CANCELLED.isTrue()).as("cancellations");
        var rated = select(trips, onTime, average, cancellations).from(RATINGS).where(RATINGS.VENDOR_ID.eq(vendorId)).asTable("rated");

        Field<Integer> submitted = count().as("submitted");
        Field<Integer> won = count().filterWhere(BIDS.STATUS.eq("awarded")).as("won");
        Field<Integer> decided = count().filterWhere(BID_REQUESTS.STATUS.eq("closed")).as("decided");
        var bid = select(submitted, won, decided).from(BIDS).join(BID_REQUESTS).on(BID_REQUESTS.ID.eq(BIDS.BID_REQUEST_ID))
                .where(BIDS.VENDOR_ID.eq(vendorId)).asTable("bid");

        Field<Integer> t = rated.field(trips);
        Field<Integer> o = rated.field(onTime);
        Field<Integer> w = bid.field(won);
        Field<Integer> d = bid.field(decided);
        return ctx.select(t,
                        round(o.cast(BigDecimal.class).div(nullif(t, inline(0))), 4),
                        round(rated.field(average), 2),
                        bid.field(submitted), w,
                        round(w.cast(BigDecimal.class).div(nullif(d, inline(0))), 4),
                        rated.field(cancellations))
                .from(rated).crossJoin(bid)
                .fetchOne(r -> new Performance(vendorId, r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7()));
    }
}
