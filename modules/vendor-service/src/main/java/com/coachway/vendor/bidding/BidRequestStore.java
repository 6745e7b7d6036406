package com.coachway.vendor.bidding;

import com.coachway.common.db.Keyset;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.db.vendor.tables.records.BidRequestsRecord;
import com.coachway.vendor.access.VendorScope;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;

import static com.coachway.db.vendor.Tables.BIDS;
import static com.coachway.db.vendor.Tables.BID_REQUESTS;

/** The jOOQ queries for bid requests. */
public final class BidRequestStore {

    private static BidRequest toRequest(Record r) {
        return new BidRequest(r.get(BID_REQUESTS.ID), r.get(BID_REQUESTS.CHARTER_ID), r.get(BID_REQUESTS.CHARTER_REFERENCE),
                r.get(BID_REQUESTS.PASSENGER_COUNT), r.get(BID_REQUESTS.VEHICLE_TYPE), r.get(BID_REQUESTS.QUANTITY),
                r.get(BID_REQUESTS.PICKUP_AT), r.get(BID_REQUESTS.RETURN_AT), r.get(BID_REQUESTS.SUMMARY),
                r.get(BID_REQUESTS.SERVICE_STATE), r.get(BID_REQUESTS.RESPOND_BY), r.get(BID_REQUESTS.STATUS),
                r.get(BID_REQUESTS.AWARDED_BID_ID), r.get(BID_REQUESTS.AWARDED_AT), r.get(BID_REQUESTS.CREATED_BY),
                r.get(BID_REQUESTS.CREATED_AT), r.get(BID_REQUESTS.UPDATED_AT));
    }

    public Optional<BidRequest> find(DSLContext ctx, UUID id) {
        return ctx.selectFrom(BID_REQUESTS).where(BID_REQUESTS.ID.eq(id)).fetchOptional(BidRequestStore::toRequest);
    }

    /** Shared: bids may be placed side by side, but an award (which locks for update) waits for them, and they for it. */
    public Optional<BidRequest> share(DSLContext tx, UUID id) {
        return tx.selectFrom(BID_REQUESTS).where(BID_REQUESTS.ID.eq(id)).forShare().fetchOptional(BidRequestStore::toRequest);
    }

    public Optional<BidRequest> lock(DSLContext tx, UUID id) {
        return tx.selectFrom(BID_REQUESTS).where(BID_REQUESTS.ID.eq(id)).forUpdate().fetchOptional(BidRequestStore::toRequest);
    }

    public boolean openFor(DSLContext ctx, UUID charterId) {
        return ctx.fetchExists(BID_REQUESTS, BID_REQUESTS.CHARTER_ID.eq(charterId), BID_REQUESTS.STATUS.eq(BidRequest.OPEN));
    }

    public record Keyed(UUID id, String fingerprint) {
    }

    public Optional<Keyed> byKey(DSLContext ctx, String createdBy, String key) {
        return ctx.select(BID_REQUESTS.ID, BID_REQUESTS.REQUEST_FINGERPRINT).from(BID_REQUESTS)
                .where(BID_REQUESTS.CREATED_BY.eq(createdBy), BID_REQUESTS.IDEMPOTENCY_KEY.eq(key))
                .fetchOptional(r -> new Keyed(r.value1(), r.value2()));
    }

    /** The award's Idempotency-Key and fingerprint, if the request was awarded under one. */
    public Optional<Keyed> awardKey(DSLContext ctx, UUID id, String key) {
        return ctx.select(BID_REQUESTS.ID, BID_REQUESTS.AWARD_FINGERPRINT).from(BID_REQUESTS)
                .where(BID_REQUESTS.ID.eq(id), BID_REQUESTS.AWARD_KEY.eq(key))
                .fetchOptional(r -> new Keyed(r.value1(), r.value2()));
    }

    /**
     * {@code awardedTo}: only requests awarded to that vendor's bid; {@code scope} limits it, so a
     * vendor user asking for another vendor's awards gets none.
     */
    public record Filter(String status, UUID charterId, UUID awardedTo, VendorScope scope) {
    }

    private static final Keyset NEWEST_FIRST = Keyset.of("bid-requests", BID_REQUESTS.CREATED_AT.desc(), BID_REQUESTS.ID.desc());

    public Page<BidRequest> list(DSLContext ctx, Filter f, PageRequest page) {
        var conditions = new ArrayList<Condition>();
        if (f.status() != null) conditions.add(BID_REQUESTS.STATUS.eq(f.status()));
        if (f.charterId() != null) conditions.add(BID_REQUESTS.CHARTER_ID.eq(f.charterId()));
        if (f.awardedTo() != null) {
            conditions.add(BID_REQUESTS.AWARDED_BID_ID.in(DSL.select(BIDS.ID).from(BIDS)
                    .where(BIDS.VENDOR_ID.eq(f.awardedTo()), BIDS.STATUS.eq(Bid.AWARDED), f.scope().where(BIDS.VENDOR_ID))));
        }
        Condition where = DSL.and(conditions);
        int total = ctx.fetchCount(BID_REQUESTS, where);
        return NEWEST_FIRST.page(ctx.selectFrom(BID_REQUESTS).where(where), page, total, BidRequestStore::toRequest);
    }

    public record Values(UUID charterId, String charterReference, int passengerCount, String vehicleType, int quantity,
                         OffsetDateTime pickupAt, OffsetDateTime returnAt, String summary, String serviceState,
                         OffsetDateTime respondBy) {
    }

    public void insert(DSLContext tx, UUID id, Values v, String createdBy, String key, String fingerprint, OffsetDateTime now) {
        var row = new BidRequestsRecord();
        row.setId(id);
        row.setCharterId(v.charterId());
        row.setCharterReference(v.charterReference());
        row.setPassengerCount(v.passengerCount());
        row.setVehicleType(v.vehicleType());
        row.setQuantity(v.quantity());
        row.setPickupAt(v.pickupAt());
        row.setReturnAt(v.returnAt());
        row.setSummary(v.summary());
        row.setServiceState(v.serviceState());
        row.setRespondBy(v.respondBy());
        row.setStatus(BidRequest.OPEN);
        row.setCreatedBy(createdBy);
        row.setIdempotencyKey(key);
        row.setRequestFingerprint(key == null ? null : fingerprint);
        row.setCreatedAt(now);
        row.setUpdatedAt(now);
        tx.insertInto(BID_REQUESTS).set(row).execute();
    }

    /** Closes the request on its winner; only an open one, so a racing second award changes nothing (0). */
    public int close(DSLContext tx, UUID id, UUID bidId, String by, String key, String fingerprint, OffsetDateTime now) {
        return tx.update(BID_REQUESTS)
                .set(BID_REQUESTS.STATUS, BidRequest.CLOSED)
                .set(BID_REQUESTS.AWARDED_BID_ID, bidId)
                .set(BID_REQUESTS.AWARDED_AT, now)
                .set(BID_REQUESTS.AWARDED_BY, by)
                .set(BID_REQUESTS.AWARD_KEY, key)
                .set(BID_REQUESTS.AWARD_FINGERPRINT, key == null ? null : fingerprint)
                .set(BID_REQUESTS.UPDATED_AT, now)
                .where(BID_REQUESTS.ID.eq(id), BID_REQUESTS.STATUS.eq(BidRequest.OPEN))
                .execute();
    }
}
