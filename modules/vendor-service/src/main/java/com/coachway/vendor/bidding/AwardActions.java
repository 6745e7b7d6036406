package com.coachway.vendor.bidding;

import com.coachway.common.audit.AuditTrail;
import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.FieldError;
import com.coachway.common.outbox.Outbox;
import com.coachway.vendor.access.VendorScope;
import com.coachway.vendor.remote.CharterAwards;
import com.coachway.vendor.remote.CharterDirectory;
import com.coachway.vendor.remote.CharterDirectory.CharterInfo;
import com.coachway.vendor.remote.Notifications;
import com.coachway.vendor.vendors.Vendor;
import com.coachway.vendor.vendors.VendorStore;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The award. The charter is read first (outside any transaction); then one transaction under the
 * request's row lock decides the bids, closes the request and writes the two outbox events —
 * the charter's award (vendor payment included) and the winner's email — which are delivered
 * after commit. A second award finds the request closed: 409.
 */
public final class AwardActions {
    private static final Logger log = LoggerFactory.getLogger(AwardActions.class);

    private final DSLContext dsl;
    private final BidRequestStore requests;
    private final BidStore bids;
    private final VendorStore vendors;
    private final CharterDirectory charters;
    private final Outbox outbox;
    private final AwardAudit audit;
    private final ZoneId zone;
    private final int paymentDays;
    private final Clock clock;

    public AwardActions(DSLContext dsl, BidRequestStore requests, BidStore bids, VendorStore vendors, CharterDirectory charters,
                        Outbox outbox, AwardAudit audit, ZoneId zone, int paymentDays, Clock clock) {
        this.dsl = dsl;
        this.requests = requests;
        this.bids = bids;
        this.vendors = vendors;
        this.charters = charters;
        this.outbox = outbox;
        this.audit = audit;
        this.zone = zone;
        this.paymentDays = paymentDays;
        this.clock = clock;
    }

    public BidRequest award(Caller caller, UUID requestId, UUID bidId, String key, String fingerprint) {
        BidRequest request = requests.find(dsl, requestId).orElseThrow(() -> ApiException.notFound("Bid request"));
        Optional<BidRequest> again = answeredBefore(dsl, request, key, fingerprint);
        if (again.isPresent()) return again.get();
        requireOpen(request);
        Bid bid = bids.find(dsl, VendorScope.all(), requestId, bidId).orElseThrow(() -> ApiException.validation(
                List.of(new FieldError("bid_id", "is not a bid of this bid request"))));
        CharterInfo charter = charters.charter(request.charterId())
                .orElseThrow(() -> ApiException.conflict("The charter of this bid request no longer exists in charter-service"));
        BidRequestActions.requireAwardable(charter);
        if (charter.vendorId() != null && !charter.vendorId().equals(bid.vendorId())) {
            throw ApiException.conflict("The charter is already awarded to vendor " + charter.vendorId());
        }
        OffsetDateTime tripEnds = charter.endsAt() != null ? charter.endsAt()
                : request.returnAt() != null ? request.returnAt() : request.pickupAt();

        BidRequest closed = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            OffsetDateTime now = OffsetDateTime.now(clock);
            BidRequest locked = requests.lock(tx, requestId).orElseThrow(() -> ApiException.notFound("Bid request"));
            Optional<BidRequest> raced = answeredBefore(tx, locked, key, fingerprint);
            if (raced.isPresent()) return raced.get();
            requireOpen(locked);
            if (requests.close(tx, requestId, bidId, caller.subject(), key, fingerprint, now) != 1) requireOpen(locked);
            bids.decide(tx, requestId, bidId, now);
            Vendor winner = vendors.find(tx, VendorScope.all(), bid.vendorId()).orElseThrow();
            outbox.enqueue(tx, CharterAwards.TOPIC, new CharterAwards.Award(request.charterId(), bid.vendorId(), bid.id(),
                    bid.amount(), BiddingRules.dueDate(tripEnds, zone, paymentDays),
                    "Bid " + bid.id() + " on bid request " + requestId));
            outbox.enqueue(tx, Notifications.TOPIC, BiddingEvents.bidAwarded(winner, locked, bid.amount(), zone));
            audit.awarded(tx, AuditTrail.actor(caller), bid, locked);
            return requests.find(tx, requestId).orElseThrow();
        });
        log.info("bid request {} awarded to bid {} of vendor {} by {}", requestId, bidId, bid.vendorId(), caller.subject());
        return closed;
    }

    /** A retry of an award that succeeded under the same Idempotency-Key answers it again; another body is a 409. */
    private Optional<BidRequest> answeredBefore(DSLContext ctx, BidRequest request, String key, String fingerprint) {
        if (key == null || BidRequest.OPEN.equals(request.status())) return Optional.empty();
        var earlier = requests.awardKey(ctx, request.id(), key);
        if (earlier.isEmpty()) return Optional.empty();
        if (!fingerprint.equals(earlier.get().fingerprint())) {
            throw ApiException.conflict("This Idempotency-Key was used for a different award");
        }
        return Optional.of(request);
    }

    private static void requireOpen(BidRequest request) {
        if (!BidRequest.OPEN.equals(request.status())) {
            throw ApiException.conflict("The bid request is " + request.status() + "; it was already awarded to bid " + request.awardedBidId());
        }
    }
}
