package com.coachway.vendor.bidding;

import com.coachway.common.auth.Caller;
import com.coachway.common.http.ApiException;
import com.coachway.common.http.Ids;
import com.coachway.common.http.PageRequest;
import com.coachway.common.http.PageRequest.Page;
import com.coachway.vendor.access.VendorScope;
import com.coachway.vendor.compliance.Compliance;
import com.coachway.vendor.compliance.ComplianceActions;
import com.coachway.vendor.vendors.Vendor;
import com.coachway.vendor.vendors.VendorStatus;
import com.coachway.vendor.vendors.VendorStore;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A vendor's bid: placed or edited in one transaction that holds the request and the vendor with
 * shared locks (an award or a suspension waits for it, and it for them) and re-checks on them
 * everything a bid depends on: approved, compliant today, request open, before respond_by.
 */
public final class BidActions {
    private static final Logger log = LoggerFactory.getLogger(BidActions.class);

    private final DSLContext dsl;
    private final BidStore bids;
    private final BidRequestStore requests;
    private final VendorStore vendors;
    private final ComplianceActions compliance;
    private final Clock clock;

    public BidActions(DSLContext dsl, BidStore bids, BidRequestStore requests, VendorStore vendors, ComplianceActions compliance,
                      Clock clock) {
        this.dsl = dsl;
        this.bids = bids;
        this.requests = requests;
        this.vendors = vendors;
        this.compliance = compliance;
        this.clock = clock;
    }

    public Page<Bid> list(VendorScope scope, UUID requestId, String status, PageRequest page) {
        if (requests.find(dsl, requestId).isEmpty()) throw ApiException.notFound("Bid request");
        return bids.list(dsl, scope, requestId, status, page);
    }

    public Bid get(VendorScope scope, UUID requestId, UUID bidId) {
        return bids.find(dsl, scope, requestId, bidId).orElseThrow(() -> ApiException.notFound("Bid"));
    }

    /** The bid and whether this call made it (201) rather than edited it (200). */
    public record Placed(Bid bid, boolean created) {
    }

    public Placed place(Caller caller, UUID requestId, BidStore.Values values, String key, String fingerprint) {
        UUID vendorId = caller.vendorId();
        if (vendorId == null) throw ApiException.forbidden("Only a vendor's users bid, for their own vendor");
        UUID id = Ids.newId();
        Placed placed = dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            OffsetDateTime now = OffsetDateTime.now(clock);
            BidRequest request = requests.share(tx, requestId).orElseThrow(() -> ApiException.notFound("Bid request"));
            Vendor vendor = vendors.share(tx, vendorId).orElseThrow(() -> ApiException.notFound("Vendor"));
            if (!VendorStatus.APPROVED.code().equals(vendor.status())) throw ApiException.conflict("vendor is " + vendor.status());
            Compliance status = compliance.of(tx, vendorId);
            if (!status.compliant()) throw ApiException.conflict("vendor is not compliant: " + status.why());
            if (!BidRequest.OPEN.equals(request.status())) throw ApiException.conflict("The bid request is " + request.status());
            if (BiddingRules.biddingClosed(request.respondBy(), now)) {
                throw ApiException.conflict("Bidding closed at respond_by " + request.respondBy());
            }
            if (bids.insertIfFirst(tx, id, requestId, vendorId, values, key, fingerprint, now)) {
                return new Placed(bids.find(tx, VendorScope.all(), requestId, id).orElseThrow(), true);
            }
            BidStore.Live live = bids.lockOf(tx, requestId, vendorId).orElseThrow();
            if (key != null && key.equals(live.key())) {
                if (!fingerprint.equals(live.fingerprint())) {
                    throw ApiException.conflict("This Idempotency-Key was used for a different bid");
                }
                return new Placed(live.bid(), live.bid().createdAt().equals(live.bid().updatedAt()));
            }
            bids.edit(tx, live.bid().id(), values, key, fingerprint, now);
            return new Placed(bids.find(tx, VendorScope.all(), requestId, live.bid().id()).orElseThrow(), false);
        });
        log.info("bid {} of {} {} on request {} by {}", placed.bid().id(), placed.bid().amount(),
                placed.created() ? "placed" : "changed", requestId, caller.subject());
        return placed;
    }
}
