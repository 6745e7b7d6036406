package com.coachway.vendor.bidding;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.vendor.access.VendorScope;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.vendor.Tables.BIDS;

/** The jOOQ queries for bids. Reads a vendor user makes take its scope, so another vendor's bid is never read. */
public final class BidStore {

    private static Bid toBid(Record r) {
        return new Bid(r.get(BIDS.ID), r.get(BIDS.BID_REQUEST_ID), r.get(BIDS.VENDOR_ID), r.get(BIDS.AMOUNT),
                r.get(BIDS.VEHICLE_TYPE), r.get(BIDS.NOTES), r.get(BIDS.STATUS), r.get(BIDS.CREATED_AT), r.get(BIDS.UPDATED_AT));
    }

    public Optional<Bid> find(DSLContext ctx, VendorScope scope, UUID requestId, UUID bidId) {
        return ctx.selectFrom(BIDS).where(BIDS.ID.eq(bidId), BIDS.BID_REQUEST_ID.eq(requestId), scope.where(BIDS.VENDOR_ID))
                .fetchOptional(BidStore::toBid);
    }

    private static final Keyset LOWEST_FIRST = Keyset.of("bids", BIDS.AMOUNT.asc(), BIDS.ID.asc());

    public Page<Bid> list(DSLContext ctx, VendorScope scope, UUID requestId, String status, PageRequest page) {
        Condition where = BIDS.BID_REQUEST_ID.eq(requestId).and(scope.where(BIDS.VENDOR_ID));
        if (status != null) where = where.and(BIDS.STATUS.eq(status));
        int total = ctx.fetchCount(BIDS, where);
        return LOWEST_FIRST.page(ctx.selectFrom(BIDS).where(where), page, total, BidStore::toBid);
    }

    public record Values(BigDecimal amount, String vehicleType, String notes) {
    }

    /**
     * The vendor's first bid on the request, or nothing when it has one already: the unique
     * (request, vendor) constraint decides, so two racing first bids make one row and the loser
     * waits for the winner's commit, then edits that row.
     */
    public boolean insertIfFirst(DSLContext tx, UUID id, UUID requestId, UUID vendorId, Values v, String key, String fingerprint,
                                 OffsetDateTime now) {
        return tx.insertInto(BIDS)
                .set(BIDS.ID, id)
                .set(BIDS.BID_REQUEST_ID, requestId)
                .set(BIDS.VENDOR_ID, vendorId)
                .set(BIDS.AMOUNT, v.amount())
                .set(BIDS.VEHICLE_TYPE, v.vehicleType())
                .set(BIDS.NOTES, v.notes())
                .set(BIDS.STATUS, Bid.SUBMITTED)
                .set(BIDS.IDEMPOTENCY_KEY, key)
                .set(BIDS.REQUEST_FINGERPRINT, key == null ? null : fingerprint)
                .set(BIDS.CREATED_AT, now)
                .set(BIDS.UPDATED_AT, now)
                .onConflict(BIDS.BID_REQUEST_ID, BIDS.VENDOR_ID).doNothing()
                .execute() == 1;
    }

    public record Live(Bid bid, String key, String fingerprint) {
    }

    public Optional<Live> lockOf(DSLContext tx, UUID requestId, UUID vendorId) {
        return tx.selectFrom(BIDS).where(BIDS.BID_REQUEST_ID.eq(requestId), BIDS.VENDOR_ID.eq(vendorId)).forUpdate()
                .fetchOptional(r -> new Live(toBid(r), r.get(BIDS.IDEMPOTENCY_KEY), r.get(BIDS.REQUEST_FINGERPRINT)));
    }

    public void edit(DSLContext tx, UUID bidId, Values v, String key, String fingerprint, OffsetDateTime now) {
        tx.update(BIDS)
                .set(BIDS.AMOUNT, v.amount())
                .set(BIDS.VEHICLE_TYPE, v.vehicleType())
                .set(BIDS.NOTES, v.notes())
                .set(BIDS.IDEMPOTENCY_KEY, key)
                .set(BIDS.REQUEST_FINGERPRINT, key == null ? null : fingerprint)
                .set(BIDS.UPDATED_AT, now)
                .where(BIDS.ID.eq(bidId))
                .execute();
    }

    /** The winner awarded, every other bid of the request lost. */
    public void decide(DSLContext tx, UUID requestId, UUID winnerId, OffsetDateTime now) {
        tx.update(BIDS).set(BIDS.STATUS, Bid.LOST).set(BIDS.UPDATED_AT, now)
                .where(BIDS.BID_REQUEST_ID.eq(requestId), BIDS.ID.ne(winnerId)).execute();
        tx.update(BIDS).set(BIDS.STATUS, Bid.AWARDED).set(BIDS.UPDATED_AT, now).where(BIDS.ID.eq(winnerId)).execute();
    }
}
